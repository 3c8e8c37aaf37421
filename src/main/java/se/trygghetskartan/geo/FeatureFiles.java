package se.trygghetskartan.geo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads the features of a file a GIS exported: a GeoJSON FeatureCollection or a GeoPackage's feature
 * table. Geometries come out as JTS geometries in the file's own CRS, checked for structure only;
 * PostGIS judges validity and the extent after transforming (GeometryService.importedArea).
 */
@Component
public class FeatureFiles {

	/** Enough for any municipality's districts; more is a wrong file, and the report must stay readable. */
	public static final int MAX_FEATURES = 1000;

	private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

	private final JsonMapper json;

	private final GeoProperties properties;

	FeatureFiles(JsonMapper json, GeoProperties properties) {
		this.json = json;
		this.properties = properties;
	}

	/**
	 * A GeoJSON FeatureCollection, read feature by feature (a large file is never one tree in memory).
	 * Its CRS is WGS 84 unless it says otherwise in the old {@code crs} member, as QGIS still writes.
	 */
	public FeatureFile readGeoJson(InputStream body) throws IOException {
		InputStream in = body.markSupported() ? body : new BufferedInputStream(body);
		in.mark(SQLITE.length);
		byte[] start = in.readNBytes(SQLITE.length);
		in.reset();
		if (Arrays.equals(start, SQLITE)) {
			throw InvalidRequestException.parameter("Content-Type", GeometryError.GEOPACKAGE_AS_JSON, "supported",
					"application/geopackage+sqlite3");
		}
		List<FileFeature> features = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		String crs = null;
		boolean collection = false;
		try (JsonParser parser = json.createParser(in)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw notACollection();
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String member = parser.currentName();
				parser.nextToken();
				switch (member) {
					case "type" -> collection = parser.currentToken() == JsonToken.VALUE_STRING
							&& parser.getString().equals("FeatureCollection");
					case "crs" -> crs = crsName(parser.readValueAsTree());
					case "features" -> readFeatures(parser, features, names);
					default -> parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw InvalidRequestException.body("", GeometryError.TRAILING_CONTENT);
			}
		}
		catch (JacksonException ex) {
			// The body limits (size, time) come through as causes; they have answers of their own.
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw InvalidRequestException.parameter(new Violation("", RequestError.UNREADABLE_JSON, "detail",
					ex.getOriginalMessage(), "line", ex.getLocation() == null ? null : ex.getLocation().getLineNr(),
					"column", ex.getLocation() == null ? null : ex.getLocation().getColumnNr()));
		}
		if (!collection) {
			throw notACollection();
		}
		return new FeatureFile("GeoJSON", crs, List.of(), null, List.copyOf(names), features);
	}

	private void readFeatures(JsonParser parser, List<FileFeature> features, Set<String> names) {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			throw InvalidRequestException.body("features", GeometryError.FEATURES_NOT_ARRAY);
		}
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			JsonNode feature = parser.readValueAsTree();
			int number = features.size() + 1;
			if (number > MAX_FEATURES) {
				throw tooMany();
			}
			Map<String, String> props = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> property : feature.path("properties").properties()) {
				names.add(property.getKey());
				JsonNode value = property.getValue();
				if (value.isString() || value.isNumber()) {
					props.put(property.getKey(), value.asString());
				}
			}
			if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
				features.add(new FileFeature(number, props, null, Reason.of(GeometryError.NOT_A_FEATURE)));
				continue;
			}
			JsonNode geometry = feature.get("geometry");
			if (geometry == null || geometry.isNull()) {
				features.add(new FileFeature(number, props, null, Reason.of(GeometryError.NO_GEOMETRY)));
				continue;
			}
			// Positions are checked as numbers only: their CRS is known once the whole file is read.
			GeometryReader reader = new GeometryReader("geometry", GeometryKind.AREA, properties.maxVertices(), null);
			Geometry read = reader.read(geometry);
			features.add(new FileFeature(number, props, read, read == null ? reader.violations().get(0).reason() : null));
		}
	}

	// {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}} (GeoJSON 2008)
	private static String crsName(JsonNode crs) {
		JsonNode name = crs == null ? null : crs.path("properties").path("name");
		if (name == null || !name.isString()) {
			throw InvalidRequestException.body("crs", GeometryError.CRS_NOT_NAMED);
		}
		Integer code = SupportedCrs.epsgOf(name.stringValue());
		return code == null ? name.stringValue() : "EPSG:" + code;
	}

	private static InvalidRequestException notACollection() {
		return InvalidRequestException.body("type", GeometryError.NOT_A_COLLECTION);
	}

	private static InvalidRequestException tooMany() {
		return InvalidRequestException.body("features", GeometryError.TOO_MANY_FEATURES, "max", MAX_FEATURES);
	}

	/**
	 * The features of one table of a GeoPackage: {@code layer}, or the first feature table. The CRS
	 * is the geometry column's. The file is kept on disk while it is read, then deleted.
	 */
	public FeatureFile readGeoPackage(InputStream body, String layer) throws IOException {
		Path file = Files.createTempFile("district-import", ".gpkg");
		try {
			Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
			byte[] start = new byte[SQLITE.length];
			try (InputStream head = Files.newInputStream(file)) {
				if (head.readNBytes(start, 0, start.length) < start.length || !Arrays.equals(start, SQLITE)) {
					throw InvalidRequestException.body("", GeometryError.NOT_GEOPACKAGE);
				}
			}
			GeoPackage geoPackage;
			try {
				geoPackage = GeoPackageManager.open(false, file.toFile(), true);
			}
			catch (RuntimeException ex) {
				throw InvalidRequestException.body("", GeometryError.GEOPACKAGE_UNREADABLE, "detail", firstLine(ex.getMessage()));
			}
			try (geoPackage) {
				return read(geoPackage, layer);
			}
			catch (InvalidRequestException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw InvalidRequestException.body("", GeometryError.GEOPACKAGE_UNREADABLE, "detail", firstLine(ex.getMessage()));
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private FeatureFile read(GeoPackage geoPackage, String layer) {
		List<String> layers = geoPackage.getFeatureTables();
		if (layers.isEmpty()) {
			throw InvalidRequestException.body("", GeometryError.NO_FEATURE_TABLE);
		}
		String table = layer == null || layer.isBlank() ? layers.get(0) : layer;
		if (!layers.contains(table)) {
			throw InvalidRequestException.parameter("layer", GeometryError.NO_SUCH_LAYER, "layer", table, "layers", layers);
		}
		FeatureDao dao = geoPackage.getFeatureDao(table);
		if (dao.count() > MAX_FEATURES) {
			throw tooMany();
		}
		List<String> names = new ArrayList<>();
		for (String column : dao.getColumnNames()) {
			if (!column.equals(dao.getGeometryColumnName()) && !column.equals(dao.getPkColumnName())) {
				names.add(column);
			}
		}
		List<FileFeature> features = new ArrayList<>();
		FeatureResultSet rows = dao.queryForAll();
		try {
			while (rows.moveToNext()) {
				features.add(feature(features.size() + 1, rows.getRow(), names));
			}
		}
		finally {
			rows.close();
		}
		return new FeatureFile("GeoPackage", crsOf(dao.getSrs()), layers, table, names, features);
	}

	private FileFeature feature(int number, FeatureRow row, List<String> names) {
		Map<String, String> props = new LinkedHashMap<>();
		for (String name : names) {
			Object value = row.getValue(name);
			if (value instanceof String || value instanceof Number) {
				props.put(name, value.toString());
			}
		}
		GeoPackageGeometryData data = row.getGeometry();
		if (data == null || data.isEmpty()) {
			return new FileFeature(number, props, null, Reason.of(GeometryError.NO_GEOMETRY));
		}
		Geometry geometry;
		try {
			geometry = new WKBReader().read(data.getWkb());
		}
		catch (IOException | ParseException | RuntimeException ex) {
			return new FileFeature(number, props, null,
					Reason.of(GeometryError.UNREADABLE_GEOMETRY, "detail", firstLine(ex.getMessage())));
		}
		String type = geometry.getGeometryType();
		if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
			return new FileFeature(number, props, null, Reason.of(GeometryError.WRONG_GEOMETRY_TYPE, "type", type,
					"allowed", GeometryKind.AREA.types()));
		}
		if (geometry.getNumPoints() > properties.maxVertices()) {
			return new FileFeature(number, props, null,
					Reason.of(GeometryError.TOO_MANY_POSITIONS, "max", properties.maxVertices()));
		}
		return new FileFeature(number, props, geometry, null);
	}

	// GeoPackage's srs_id 0 and -1 are "undefined geographic" and "undefined Cartesian": no CRS said.
	private static String crsOf(SpatialReferenceSystem srs) {
		if (srs == null || srs.getSrsId() <= 0 || srs.getOrganization() == null) {
			return null;
		}
		return srs.getOrganization().toUpperCase(Locale.ROOT) + ":" + srs.getOrganizationCoordsysId();
	}

	private static String firstLine(String message) {
		String text = String.valueOf(message);
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline);
	}

}
