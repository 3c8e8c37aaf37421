package se.trygghetskartan.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import se.trygghetskartan.neighbourhood.TestGeoPackage;

/** Files of places as a GIS writes them, for the import's tests. */
final class ImportFiles {

	private ImportFiles() {
	}

	/** One feature: its text columns, and its geometry as WKT in the file's CRS. */
	record Feature(Map<String, String> columns, String wkt) {
	}

	/** What gives the features one at a time (a large file is written without holding them). */
	interface Features {

		/** The feature number {@code i} (from 0). */
		Feature get(int i);

	}

	/**
	 * A GeoPackage with one feature table "platser" of mixed geometries in this CRS, with text columns
	 * {@code columns} and {@code count} features, written by the GeoPackage library to a file.
	 */
	static Path geoPackage(long epsg, List<String> columns, int count, Features features) {
		try {
			Path file = Files.createTempFile("import-test", ".gpkg");
			Files.delete(file);
			GeoPackageManager.create(file.toFile());
			try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
				long srsId = TestGeoPackage.srs(geoPackage, epsg);
				List<FeatureColumn> made = new ArrayList<>();
				columns.forEach(column -> made.add(FeatureColumn.createColumn(column, GeoPackageDataType.TEXT)));
				FeatureDao dao = TestGeoPackage.table(geoPackage, "platser", GeometryType.GEOMETRY, srsId, made);
				WKTReader reader = new WKTReader();
				WKBWriter writer = new WKBWriter(2);
				geoPackage.beginTransaction();
				for (int i = 0; i < count; i++) {
					Feature feature = features.get(i);
					FeatureRow row = dao.newRow();
					feature.columns().forEach(row::setValue);
					row.setGeometry(GeoPackageGeometryData.createFromWkb(srsId, writer.write(reader.read(feature.wkt()))));
					dao.create(row);
				}
				geoPackage.endTransaction(true);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException | ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
