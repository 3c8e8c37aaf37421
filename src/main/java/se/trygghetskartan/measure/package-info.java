/**
 * Measures (åtgärder) taken at unsafe places: lighting, vegetation, cameras, bike racks, patrols,
 * safety hosts and more, with who owns them, their status and dates, and the places they serve.
 *
 * <p>Tables: {@code measure}, {@code measure_place}, {@code measure_status_change}, {@code measure_district}. Published views: {@code measure_extent}, {@code measure_overview}, {@code measure_place_link}, {@code measure_status_event}.
 */
package se.trygghetskartan.measure;
