/**
 * Files in and out for a municipality's GIS staff: the map layers exported as GeoPackage, GeoJSON and
 * CSV in SWEREF 99 TM or WGS 84, and places and measures imported from such files with a saved
 * mapping of the file's columns, a dry run and a per-feature report.
 *
 * <p>Tables: {@code import_mapping}. Published views: none.
 */
package se.trygghetskartan.exchange;
