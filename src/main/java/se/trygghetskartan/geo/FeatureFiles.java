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
		try (FeatureStream stream = openGeoJson(body, GeometryKind.AREA, false)) {
			return collect(stream);
		}
	}

	/**
	 * The features of one table of a GeoPackage: {@code layer}, or the first feature table. The CRS
	 * is the geometry column's. The file is kept on disk while it is read, then deleted.
	 */
	public FeatureFile readGeoPackage(InputStream body, String layer) throws IOException {
		try (FeatureStream stream = openGeoPackage(body, layer, GeometryKind.AREA)) {
			return collect(stream);
		}
	}

	// At most MAX_FEATURES, all in memory: districts, which are judged together.
	private static FeatureFile collect(FeatureStream stream) throws IOException {
		List<FileFeature> features = new ArrayList<>();
		for (FileFeature feature = stream.next(); feature != null; feature = stream.next()) {
			if (features.size() == MAX_FEATURES) {
				throw InvalidRequestException.body("features", GeometryError.TOO_MANY_FEATURES, "max", MAX_FEATURES);
			}
			features.add(feature);
		}
		return new FeatureFile(stream.format(), stream.declaredCrs(), stream.layers(), stream.layer(),
				List.copyOf(stream.propertyNames()), features);
	}

	/**
	 * A GeoJSON FeatureCollection as a stream of features whose geometries are of {@code kind}. With
	 * {@code crsFirst} a {@code crs} member after the first feature is refused (the features before it
	 * are already on their way), else it counts for the whole file.
	 */
	public FeatureStream openGeoJson(InputStream body, GeometryKind kind, boolean crsFirst) throws IOException {
		InputStream in = body.markSupported() ? body : new BufferedInputStream(body);
		in.mark(SQLITE.length);
		byte[] start = in.readNBytes(SQLITE.length);
		in.reset();
		if (Arrays.equals(start, SQLITE)) {
			throw InvalidRequestException.parameter("Content-Type", GeometryError.GEOPACKAGE_AS_JSON, "supported",
					"application/geopackage+sqlite3");
		}
		return new GeoJsonStream(in, kind, crsFirst);
	}

	/** What the parser says is wrong with a file, as a 400 (the body limits' failures passed on as they are). */
	private interface Parsing<T> {

		T run() throws IOException;

	}

	private static <T> T parsing(Parsing<T> step) throws IOException {
		try {
			return step.run();
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
	}

	private final class GeoJsonStream implements FeatureStream {

		private final JsonParser parser;

		private final GeometryKind kind;

		private final boolean crsFirst;

		private final Set<String> names = new LinkedHashSet<>();

		private String crs;

		private boolean collection;

		private boolean inFeatures;

		private boolean ended;

		private int number;

		GeoJsonStream(InputStream in, GeometryKind kind, boolean crsFirst) throws IOException {
			this.kind = kind;
			this.crsFirst = crsFirst;
			this.parser = parsing(() -> json.createParser(in));
			parsing(() -> {
				if (parser.nextToken() != JsonToken.START_OBJECT) {
					throw notACollection();
				}
				members();
				return null;
			});
		}

		// Reads the collection's members until its features begin or it ends.
		private void members() {
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String member = parser.currentName();
				parser.nextToken();
				switch (member) {
					case "type" -> collection = parser.currentToken() == JsonToken.VALUE_STRING
							&& parser.getString().equals("FeatureCollection");
					case "crs" -> {
						if (crsFirst && number > 0) {
							throw InvalidRequestException.body("crs", GeometryError.CRS_AFTER_FEATURES);
						}
						crs = crsName(parser.readValueAsTree());
					}
					case "features" -> {
						if (parser.currentToken() != JsonToken.START_ARRAY) {
							throw InvalidRequestException.body("features", GeometryError.FEATURES_NOT_ARRAY);
						}
						inFeatures = true;
						return;
					}
					default -> parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw InvalidRequestException.body("", GeometryError.TRAILING_CONTENT);
			}
			if (!collection) {
				throw notACollection();
			}
			ended = true;
		}

		@Override
		public FileFeature next() throws IOException {
			return parsing(() -> {
				while (!ended) {
					if (inFeatures && parser.nextToken() != JsonToken.END_ARRAY) {
						return feature(parser.readValueAsTree(), ++number);
					}
					inFeatures = false;
					members();
				}
				return null;
			});
		}

		private FileFeature feature(JsonNode feature, int number) {
			Map<String, String> props = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> property : feature.path("properties").properties()) {
				names.add(property.getKey());
				JsonNode value = property.getValue();
				if (value.isString() || value.isNumber() || value.isBoolean()) {
					props.put(property.getKey(), value.asString());
				}
				else if (value.isArray()) {
					props.put(property.getKey(), value.toString());
				}
			}
			if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
				return new FileFeature(number, props, null, Reason.of(GeometryError.NOT_A_FEATURE));
			}
			JsonNode geometry = feature.get("geometry");
			if (geometry == null || geometry.isNull()) {
				return new FileFeature(number, props, null, Reason.of(GeometryError.NO_GEOMETRY));
			}
			// Positions are checked as numbers only: their CRS is known once the whole file is read.
			GeometryReader reader = new GeometryReader("geometry", kind, properties.maxVertices(), null);
			Geometry read = reader.read(geometry);
			return new FileFeature(number, props, read, read == null ? reader.violations().get(0).reason() : null);
		}

		@Override
		public String format() {
			return "GeoJSON";
		}

		@Override
		public String declaredCrs() {
			return crs;
		}

		@Override
		public List<String> layers() {
			return List.of();
		}

		@Override
		public String layer() {
			return null;
		}

		@Override
		public List<String> propertyNames() {
			return List.copyOf(names);
		}

		@Override
		public void close() {
			parser.close();
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

	/**
	 * One table of a GeoPackage ({@code layer}, or the first feature table) as a stream of features
	 * whose geometries are of {@code kind}, in the CRS of its geometry column. The file is kept on disk
	 * while it is read, and deleted when the stream is closed.
	 */
	public FeatureStream openGeoPackage(InputStream body, String layer, GeometryKind kind) throws IOException {
		Path file = Files.createTempFile("feature-import", ".gpkg");
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
				throw unreadable(ex);
			}
			try {
				return new GeoPackageStream(file, geoPackage, layer, kind);
			}
			catch (RuntimeException ex) {
				geoPackage.close();
				throw ex instanceof InvalidRequestException invalid ? invalid : unreadable(ex);
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	private static InvalidRequestException unreadable(RuntimeException ex) {
		return InvalidRequestException.body("", GeometryError.GEOPACKAGE_UNREADABLE, "detail", firstLine(ex.getMessage()));
	}

	private final class GeoPackageStream implements FeatureStream {

		private final Path file;

		private final GeoPackage geoPackage;

		private final List<String> layers;

		private final String table;

		private final List<String> names = new ArrayList<>();

		private final String crs;

		private final GeometryKind kind;

		private final FeatureResultSet rows;

		private int number;

		GeoPackageStream(Path file, GeoPackage geoPackage, String layer, GeometryKind kind) {
			this.file = file;
			this.geoPackage = geoPackage;
			this.kind = kind;
			this.layers = geoPackage.getFeatureTables();
			if (layers.isEmpty()) {
				throw InvalidRequestException.body("", GeometryError.NO_FEATURE_TABLE);
			}
			this.table = layer == null || layer.isBlank() ? layers.get(0) : layer;
			if (!layers.contains(table)) {
				throw InvalidRequestException.parameter("layer", GeometryError.NO_SUCH_LAYER, "layer", table, "layers",
						layers);
			}
			FeatureDao dao = geoPackage.getFeatureDao(table);
			for (String column : dao.getColumnNames()) {
				if (!column.equals(dao.getGeometryColumnName()) && !column.equals(dao.getPkColumnName())) {
					names.add(column);
				}
			}
			this.crs = crsOf(dao.getSrs());
			this.rows = dao.queryForAll();
		}

		@Override
		public FileFeature next() {
			try {
				return rows.moveToNext() ? feature(++number, rows.getRow(), names, kind) : null;
			}
			catch (InvalidRequestException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw unreadable(ex);
			}
		}

		@Override
		public String format() {
			return "GeoPackage";
		}

		@Override
		public String declaredCrs() {
			return crs;
		}

		@Override
		public List<String> layers() {
			return layers;
		}

		@Override
		public String layer() {
			return table;
		}

		@Override
		public List<String> propertyNames() {
			return names;
		}

		@Override
		public void close() throws IOException {
			try {
				rows.close();
				geoPackage.close();
			}
			finally {
				Files.deleteIfExists(file);
			}
		}

	}

	private FileFeature feature(int number, FeatureRow row, List<String> names, GeometryKind kind) {
		Map<String, String> props = new LinkedHashMap<>();
		for (String name : names) {
			Object value = row.getValue(name);
			if (value instanceof String || value instanceof Number || value instanceof Boolean) {
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
		if (!kind.accepts(type)) {
			return new FileFeature(number, props, null, Reason.of(GeometryError.WRONG_GEOMETRY_TYPE, "type", type,
					"allowed", kind.types()));
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
