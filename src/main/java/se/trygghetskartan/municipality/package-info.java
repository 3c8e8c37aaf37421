/**
 * The municipality and its settings: its name, its extent (geometries outside are refused), where
 * the maps start, and the background tiles. The environment gives them at the first start; admins
 * change them on /admin. One municipality today; each becomes a tenant later.
 *
 * <p>Tables: {@code municipality}. Published views: {@code municipality_overview}.
 */
package se.trygghetskartan.municipality;
