package se.trygghetskartan.neighbourhood;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/**
 * A GeoPackage made the way a GIS exports one: a feature table of districts with a name column, in a
 * CRS of the test's choice, written by the GeoPackage library.
 */
public final class TestGeoPackage {

	private static final String SWEREF99_TM = "PROJCS[\"SWEREF99 TM\",GEOGCS[\"SWEREF99\",DATUM[\"SWEREF99\","
			+ "SPHEROID[\"GRS 1980\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
			+ "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",15],"
			+ "PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
			+ "UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"3006\"]]";

	private final String table;

	private final long epsg;

	private final Map<String, String> features = new LinkedHashMap<>();

	/** @param epsg the geometry column's CRS, or 0 for GeoPackage's "undefined" */
	TestGeoPackage(String table, long epsg) {
		this.table = table;
		this.epsg = epsg;
	}

	/** A feature whose "namn" is {@code name}, with a geometry given as WKT in the table's CRS. */
	TestGeoPackage feature(String name, String wkt) {
		features.put(name, wkt);
		return this;
	}

	/** Adds the CRS with this EPSG code (0: GeoPackage's "undefined") to the GeoPackage; its srs_id. */
	public static long srs(GeoPackage geoPackage, long epsg) throws SQLException {
		if (epsg == 3006) {
			// What QGIS writes for SWEREF 99 TM; the library's own list of definitions lacks it.
			SpatialReferenceSystem srs = new SpatialReferenceSystem();
			srs.setSrsName("SWEREF99 TM");
			srs.setSrsId(3006);
			srs.setOrganization("EPSG");
			srs.setOrganizationCoordsysId(3006);
			srs.setDefinition(SWEREF99_TM);
			geoPackage.getSpatialReferenceSystemDao().create(srs);
			return 3006;
		}
		return epsg == 0 ? 0 : geoPackage.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", epsg).getSrsId();
	}

	/** A new feature table of 2D geometries of this type in this CRS, with these columns. */
	public static FeatureDao table(GeoPackage geoPackage, String table, GeometryType type, long srsId,
			List<FeatureColumn> columns) throws SQLException {
		GeometryColumns geometry = new GeometryColumns();
		geometry.setTableName(table);
		geometry.setColumnName("geom");
		geometry.setGeometryType(type);
		geometry.setZ((byte) 0);
		geometry.setM((byte) 0);
		geometry.setSrsId(srsId);
		geoPackage.createFeatureTable(FeatureTableMetadata.create(geometry, columns, new BoundingBox()));
		return geoPackage.getFeatureDao(table);
	}

	byte[] bytes() {
		try {
			Path dir = Files.createTempDirectory("test-gpkg");
			Path file = dir.resolve("stadsdelar.gpkg");
			GeoPackageManager.create(file.toFile());
			try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
				long srsId = srs(geoPackage, epsg);
				List<FeatureColumn> columns = new ArrayList<>();
				columns.add(FeatureColumn.createColumn("namn", GeoPackageDataType.TEXT));
				columns.add(FeatureColumn.createColumn("kod", GeoPackageDataType.INTEGER));
				FeatureDao dao = table(geoPackage, table, GeometryType.MULTIPOLYGON, srsId, columns);
				int code = 1;
				for (Map.Entry<String, String> feature : features.entrySet()) {
					FeatureRow row = dao.newRow();
					row.setValue("namn", feature.getKey());
					row.setValue("kod", (long) code++);
					Geometry read = new WKTReader().read(feature.getValue());
					row.setGeometry(GeoPackageGeometryData.createFromWkb(srsId, new WKBWriter(2).write(read)));
					dao.create(row);
				}
			}
			byte[] bytes = Files.readAllBytes(file);
			Files.delete(file);
			Files.delete(dir);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException | ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
