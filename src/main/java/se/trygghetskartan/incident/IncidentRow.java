package se.trygghetskartan.incident;

import java.time.OffsetDateTime;

/**
 * One incident to store: where in the given reference system (4326 lon/lat or 3006 easting/northing),
 * when (a time, or a range when the exact time is unknown), and from which line of a file.
 */
public record IncidentRow(int line, String sourceId, double x, double y, int srid, OffsetDateTime from,
		OffsetDateTime to, IncidentCategory category, boolean sensitive) {
}
