/**
 * Incidents (händelser, brott): imported from CSV in WGS 84 or SWEREF 99 TM, shown exactly only to
 * the police and planners, published only as counts per fixed 250 m grid square that no one can
 * subtract their way to a small number from, and used to evaluate whether a measure worked. The
 * public counts are read from {@code incident_aggregate} (per municipality, square, month and
 * category, kept by triggers on every write), through the SQL function {@code incident_public_grid},
 * which applies the privacy rule and which other modules (tiles) may call to show the public grid.
 *
 * <p>Tables: {@code incident}, {@code incident_aggregate}, {@code incident_import}, {@code incident_source}.
 * Published views: none.
 */
package se.trygghetskartan.incident;
