/**
 * Unsafe places (otrygga platser): points, lines and areas that residents feel are unsafe or that
 * are crime-exposed, with why, where the knowledge came from, and how far they are addressed.
 *
 * <p>Tables: {@code unsafe_place}, {@code unsafe_place_reason}, {@code place_district}, {@code place_district_name}. Published views: {@code place_overview}.
 */
package se.trygghetskartan.place;
