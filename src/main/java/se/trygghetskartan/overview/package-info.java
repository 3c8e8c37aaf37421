/**
 * The national overview: every municipality of the installation with what it has published (places,
 * measures by status, districts) and its promises' periods and progress, read from the views the
 * other modules publish, for {@code /api/municipalities} and the page {@code /sverige}.
 *
 * <p>Tables: none. Published views: none.
 */
package se.trygghetskartan.overview;
