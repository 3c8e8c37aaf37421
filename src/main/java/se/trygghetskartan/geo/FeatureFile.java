package se.trygghetskartan.geo;

import java.util.List;

/**
 * The features of a GeoJSON or GeoPackage file, read but not yet judged by PostGIS.
 *
 * @param format "GeoJSON" or "GeoPackage"
 * @param declaredCrs the CRS the file says it is in ("EPSG:3006"), or null when it says none
 * @param layers the GeoPackage's feature tables (empty for GeoJSON)
 * @param layer the table read
 * @param propertyNames the names of the features' properties, in the order they first appear
 */
public record FeatureFile(String format, String declaredCrs, List<String> layers, String layer,
		List<String> propertyNames, List<FileFeature> features) {

	/** The declared CRS as an EPSG code, or null when there is none. */
	public Integer declaredEpsg() {
		return SupportedCrs.epsgOf(declaredCrs);
	}

}
