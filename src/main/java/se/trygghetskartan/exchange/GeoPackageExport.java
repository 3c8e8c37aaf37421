package se.trygghetskartan.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.SupportedCrs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A layer as a GeoPackage (OGC 12-128r18) that GDAL and QGIS open as it is: one feature table named
 * after the layer, its geometry column {@code geom} of the one type the layer's geometries have
 * ({@code GEOMETRY} when they differ), in EPSG:3006 (defined in {@code gpkg_spatial_ref_sys} with its
 * WKT) or EPSG:4326, its primary key {@code fid}, and a column for each property under the name the
 * API's GeoJSON gives it (lists and objects as JSON text), typed by the values the layer holds.
 * Written to a temporary file, row by row as PostgreSQL sends them, then sent and deleted.
 */
@Component
class GeoPackageExport {

	static final String GEOMETRY_COLUMN = "geom";

	static final String ID_COLUMN = "fid";

	/** GeoPackage 1.3.0 as SQLite's {@code user_version}. */
	static final int USER_VERSION = 10300;

	// Rows per SQLite transaction: one transaction per row would be a disk sync per row.
	private static final int BATCH = 1000;

	// EPSG:3006 as GDAL writes it (gdalsrsinfo -o wkt1 EPSG:3006), which is what GeoPackage asks for.
	private static final String SWEREF99_TM_WKT = """
			PROJCS["SWEREF99 TM",GEOGCS["SWEREF99",DATUM["SWEREF99",SPHEROID["GRS 1980",6378137,298.257222101,\
			AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6619"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],\
			UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4619"]],\
			PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",15],\
			PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],\
			UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST],\
			AUTHORITY["EPSG","3006"]]""";

	private final JsonMapper json;

	GeoPackageExport(JsonMapper json) {
		this.json = json;
	}

	void write(FeatureSource source, SupportedCrs crs, String layer, ExportService.Destination to) throws IOException {
		Path directory = Files.createTempDirectory("export");
		Path file = directory.resolve(layer + ".gpkg");
		try {
			build(source, crs, layer, file);
			try (InputStream in = Files.newInputStream(file); OutputStream out = to.open()) {
				in.transferTo(out);
			}
		}
		finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(directory.resolve(layer + ".gpkg-journal"));
			Files.deleteIfExists(directory);
		}
	}

	private void build(FeatureSource source, SupportedCrs crs, String layer, Path file) throws IOException {
		JsonNode summary = json.readTree(source.summary(crs.srid()));
		Map<String, GeoPackageDataType> columns = columns(summary.path("properties"));
		GeoPackageManager.create(file.toFile());
		try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
			// The library writes 1.4, which GDAL before 3.10 (Debian 12's 3.6) opens with a warning of
			// partial support; the file uses nothing 1.4 added (no spatial index), so it says 1.3.
			geoPackage.execSQL("PRAGMA user_version = " + USER_VERSION);
			SpatialReferenceSystem srs = srs(geoPackage, crs);
			GeometryColumns geometry = new GeometryColumns();
			geometry.setId(new TableColumnKey(layer, GEOMETRY_COLUMN));
			geometry.setGeometryType(geometryType(summary.path("geometryTypes")));
			geometry.setZ((byte) 0);
			geometry.setM((byte) 0);
			geometry.setSrs(srs);
			List<FeatureColumn> featureColumns = new ArrayList<>();
			columns.forEach((name, type) -> featureColumns.add(FeatureColumn.createColumn(name, type)));
			geoPackage.createFeatureTable(
					FeatureTableMetadata.create(geometry, ID_COLUMN, featureColumns, extent(summary.path("extent"))));
			FeatureDao dao = geoPackage.getFeatureDao(layer);
			int[] written = { 0 };
			geoPackage.beginTransaction();
			source.forEach(crs.srid(), ExportService.digits(crs), (feature, wkb) -> {
				JsonNode properties = json.readTree(feature).path("properties");
				FeatureRow row = dao.newRow();
				if (wkb != null) {
					row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srs.getSrsId(), wkb));
				}
				columns.forEach((name, type) -> row.setValue(name, value(properties.get(name), type)));
				dao.create(row);
				if (++written[0] % BATCH == 0) {
					geoPackage.endAndBeginTransaction();
				}
			});
			geoPackage.endTransaction(true);
		}
	}

	private static SpatialReferenceSystem srs(GeoPackage geoPackage, SupportedCrs crs) throws IOException {
		try {
			if (crs == SupportedCrs.WGS84) {
				return geoPackage.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", crs.srid());
			}
			SpatialReferenceSystem srs = new SpatialReferenceSystem();
			srs.setSrsName(crs.title());
			srs.setSrsId(crs.srid());
			srs.setOrganization("EPSG");
			srs.setOrganizationCoordsysId(crs.srid());
			srs.setDefinition(SWEREF99_TM_WKT);
			srs.setDescription(crs.title());
			geoPackage.getSpatialReferenceSystemDao().create(srs);
			return srs;
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
	}

	// A column per property, typed by the JSON types its values take (nulls aside): text when none or mixed.
	private static Map<String, GeoPackageDataType> columns(JsonNode properties) {
		Map<String, GeoPackageDataType> columns = new LinkedHashMap<>();
		for (JsonNode property : properties) {
			Set<String> types = new TreeSet<>();
			property.get(1).forEach(type -> types.add(type.stringValue()));
			types.remove("null");
			columns.put(property.get(0).stringValue(), switch (String.join(",", types)) {
				case "integer" -> GeoPackageDataType.INTEGER;
				case "integer,number", "number" -> GeoPackageDataType.DOUBLE;
				case "boolean" -> GeoPackageDataType.BOOLEAN;
				default -> GeoPackageDataType.TEXT;
			});
		}
		return columns;
	}

	private static Object value(JsonNode node, GeoPackageDataType type) {
		Object cell = ExportValues.cell(node);
		if (cell == null) {
			return null;
		}
		return switch (type) {
			case DOUBLE -> ((Number) cell).doubleValue();
			case TEXT -> cell.toString();
			default -> cell;
		};
	}

	private static GeometryType geometryType(JsonNode types) {
		return types.size() == 1 ? GeometryType.fromName(types.get(0).stringValue()) : GeometryType.GEOMETRY;
	}

	private static BoundingBox extent(JsonNode extent) {
		return extent.isArray() ? new BoundingBox(extent.get(0).doubleValue(), extent.get(1).doubleValue(),
				extent.get(2).doubleValue(), extent.get(3).doubleValue()) : null;
	}

}
