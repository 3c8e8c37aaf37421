/**
 * Incidents (händelser, brott): imported from CSV in WGS 84 or SWEREF 99 TM, shown exactly only to
 * the police and planners, published only as counts per fixed 250 m grid square that no one can
 * subtract their way to a small number from, and used to evaluate whether a measure worked.
 *
 * <p>Tables: {@code incident}, {@code incident_import}, {@code incident_source}. Published views: none.
 */
package se.trygghetskartan.incident;
