/**
 * Districts (stadsdelar) as areas: what residents choose on the map, with counts of the places and
 * measures inside each and a summary of what is planned and done there.
 *
 * <p>Tables: {@code neighbourhood}. Published views: {@code neighbourhood_overview}.
 */
package se.trygghetskartan.neighbourhood;
