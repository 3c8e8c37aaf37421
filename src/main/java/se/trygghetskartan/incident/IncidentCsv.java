package se.trygghetskartan.incident;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import se.trygghetskartan.geo.GeometryError;
import se.trygghetskartan.system.Csv;
import se.trygghetskartan.system.CsvColumn;
import se.trygghetskartan.system.CsvHeader;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.InvalidValueException;
import se.trygghetskartan.system.RequestError;

/**
 * The incident file's columns and rows, without a database: a header's columns are checked at once,
 * and each record becomes an {@link IncidentRow} or an {@link InvalidValueException} saying what
 * is wrong with it.
 *
 * <p>Columns (header names as {@link CsvColumn} has them): {@code id}, {@code occurred_at} (or
 * {@code occurred_from}) and optionally {@code occurred_to}, {@code category}, and either
 * {@code lon}/{@code lat} (WGS 84) or {@code x}/{@code y} (also {@code e}/{@code n},
 * {@code easting}/{@code northing}: SWEREF 99 TM, EPSG:3006); optionally {@code sensitive} (true/false).
 * A category is its code or its Swedish or English name. A time without offset is Swedish local time;
 * a date alone is the whole day. A decimal comma is fine.
 */
final class IncidentCsv {

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	// A local time with an offset or without, read in one go: a failed parse throws, and an import
	// of a million lines without offsets would otherwise throw a million times.
	private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffsetId()
		.optionalEnd()
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT)
		.withChronology(IsoChronology.INSTANCE);

	private static final Set<String> TRUE = Set.of("true", "1", "ja", "yes", "j", "y");

	private static final Set<String> FALSE = Set.of("false", "0", "nej", "no", "n", "");

	private final CsvHeader columns;

	private final int srid;

	/** The file's columns; a 422 when the header lacks what an incident needs. */
	IncidentCsv(List<String> header) {
		this.columns = new CsvHeader(header);
		columns.require(CsvColumn.ID, CsvColumn.OCCURRED_FROM, CsvColumn.CATEGORY);
		boolean wgs84 = columns.has(CsvColumn.LON) && columns.has(CsvColumn.LAT);
		boolean sweref = columns.has(CsvColumn.EASTING) && columns.has(CsvColumn.NORTHING);
		if (wgs84 == sweref) {
			throw InvalidRequestException.body("csv", IncidentError.COORDINATE_COLUMNS);
		}
		this.srid = wgs84 ? 4326 : 3006;
	}

	/** The record of file line {@code line} as an incident; the exception's reason says what is wrong. */
	IncidentRow row(int line, List<String> cells) {
		String id = columns.cell(cells, CsvColumn.ID);
		if (id.isEmpty() || id.length() > 100) {
			throw new InvalidValueException(IncidentError.ID_FORMAT, "max", 100);
		}
		String name = columns.cell(cells, CsvColumn.CATEGORY);
		IncidentCategory category = IncidentCategory.named(name)
			.orElseThrow(() -> new InvalidValueException(IncidentError.UNKNOWN_CATEGORY, "value", Csv.cut(name)));
		OffsetDateTime[] time = time(columns.cell(cells, CsvColumn.OCCURRED_FROM));
		OffsetDateTime from = time[0];
		OffsetDateTime to = time[1];
		String end = columns.optional(cells, CsvColumn.OCCURRED_TO);
		if (!end.isEmpty()) {
			OffsetDateTime[] until = time(end);
			to = until[1] != null ? until[1] : until[0];
			if (to.isBefore(from)) {
				throw new InvalidValueException(RequestError.ENDS_BEFORE_START, "start", from.toString());
			}
		}
		double x = number(cells, srid == 4326 ? CsvColumn.LON : CsvColumn.EASTING);
		double y = number(cells, srid == 4326 ? CsvColumn.LAT : CsvColumn.NORTHING);
		if (srid == 4326 && (x < -180 || x > 180 || y < -90 || y > 90)) {
			throw new InvalidValueException(GeometryError.NOT_LON_LAT, "position", new double[] { x, y });
		}
		if (srid == 3006 && (x < 100_000 || x > 1_000_000 || y < 6_000_000 || y > 7_800_000)) {
			throw new InvalidValueException(GeometryError.NOT_SWEREF, "position", new double[] { x, y });
		}
		String flag = columns.optional(cells, CsvColumn.SENSITIVE).toLowerCase(Locale.ROOT);
		if (!TRUE.contains(flag) && !FALSE.contains(flag)) {
			throw new InvalidValueException(IncidentError.SENSITIVE_NOT_BOOLEAN, "value", Csv.cut(flag));
		}
		return new IncidentRow(line, id, x, y, srid, from, to, category, TRUE.contains(flag));
	}

	// A time (with or without offset; without is Swedish local time) or a date (the whole day).
	private static OffsetDateTime[] time(String text) {
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return new OffsetDateTime[] { day.atStartOfDay(SWEDEN).toOffsetDateTime(),
						day.plusDays(1).atStartOfDay(SWEDEN).minusSeconds(1).toOffsetDateTime() };
			}
			TemporalAccessor time = TIME.parseBest(text.replace(' ', 'T'), OffsetDateTime::from, LocalDateTime::from);
			return new OffsetDateTime[] { time instanceof OffsetDateTime offset ? offset
					: ((LocalDateTime) time).atZone(SWEDEN).toOffsetDateTime(), null };
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(IncidentError.NOT_A_TIME, "value", Csv.cut(text));
		}
	}

	private double number(List<String> cells, CsvColumn column) {
		String text = columns.cell(cells, column);
		try {
			double value = Double.parseDouble(text.replace(',', '.'));
			if (!Double.isFinite(value)) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException(RequestError.CELL_NOT_NUMBER, "column", column.label(), "value", Csv.cut(text));
		}
	}

}
