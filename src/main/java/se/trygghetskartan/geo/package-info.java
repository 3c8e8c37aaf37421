/**
 * Geometry in and out: reads GeoJSON (RFC 7946, lon/lat) into JTS geometries with a precise reason
 * for every defect, and has PostGIS judge validity and the municipality's extent.
 *
 * <p>Tables: none. Published views: none.
 */
package se.trygghetskartan.geo;
