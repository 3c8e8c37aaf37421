package se.trygghetskartan.geo;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The features of a GeoJSON or GeoPackage file read one at a time, never all in memory (see
 * {@link FeatureFiles}). A GeoJSON file's CRS is known once its {@code crs} member is read, which
 * QGIS and GDAL write before the features; its property names grow as features are read.
 */
public interface FeatureStream extends Closeable {

	/** "GeoJSON" or "GeoPackage". */
	String format();

	/** The CRS the file says it is in ("EPSG:3006"), or null when it says none (so far). */
	String declaredCrs();

	/** The GeoPackage's feature tables (empty for GeoJSON). */
	List<String> layers();

	/** The GeoPackage table read, or null. */
	String layer();

	/** The names of the features' properties seen so far (a GeoPackage's columns at once), in order. */
	List<String> propertyNames();

	/** The next feature, or null after the last. */
	FileFeature next() throws IOException;

	/** The declared CRS as an EPSG code, or null when there is none. */
	default Integer declaredEpsg() {
		return SupportedCrs.epsgOf(declaredCrs());
	}

}
