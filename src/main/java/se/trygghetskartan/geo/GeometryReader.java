package se.trygghetskartan.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Reads one GeoJSON geometry object, checking its structure position by position so that every
 * error names the exact place in the document ("geometry.coordinates[0][3]"). Positions are
 * longitude and latitude inside the municipality's extent; or, for a file in another CRS being
 * imported, any finite numbers (PostGIS judges them after transforming).
 */
final class GeometryReader {

	static final int WGS84 = 4326;

	private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);

	private final String field;

	private final GeometryKind kind;

	private final int maxVertices;

	/** Where lon/lat positions must lie; null for positions in another CRS, which are only checked to be numbers. */
	private final BoundingBox extent;

	private final List<Violation> violations = new ArrayList<>();

	private int vertices;

	GeometryReader(String field, GeometryKind kind, int maxVertices, BoundingBox extent) {
		this.field = field;
		this.kind = kind;
		this.maxVertices = maxVertices;
		this.extent = extent;
	}

	List<Violation> violations() {
		return violations;
	}

	/** The geometry, or null with {@link #violations()} saying why not. */
	Geometry read(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			violations.add(new Violation(field, GeometryError.GEOMETRY_REQUIRED));
			return null;
		}
		if (!node.isObject()) {
			violations.add(new Violation(field, GeometryError.NOT_GEOMETRY));
			return null;
		}
		JsonNode typeNode = node.get("type");
		String type = typeNode != null && typeNode.isString() ? typeNode.stringValue() : null;
		if (type == null) {
			violations.add(new Violation(field + ".type", GeometryError.GEOMETRY_TYPE_REQUIRED, "allowed", kind.types()));
			return null;
		}
		if (type.equals("GeometryCollection")) {
			violations.add(new Violation(field + ".type", GeometryError.GEOMETRY_COLLECTION, "allowed", kind.types()));
			return null;
		}
		if (!kind.accepts(type)) {
			violations.add(new Violation(field + ".type", GeometryError.WRONG_GEOMETRY_TYPE, "type", type, "allowed",
					kind.types()));
			return null;
		}
		JsonNode coordinates = node.get("coordinates");
		String path = field + ".coordinates";
		if (coordinates == null || !coordinates.isArray()) {
			violations.add(new Violation(path, GeometryError.COORDINATES_REQUIRED));
			return null;
		}
		if (coordinates.isEmpty()) {
			violations.add(new Violation(path, GeometryError.EMPTY_GEOMETRY));
			return null;
		}
		Geometry geometry = switch (type) {
			case "Point" -> point(coordinates, path);
			case "LineString" -> lineString(coordinates, path);
			case "Polygon" -> polygon(coordinates, path);
			case "MultiPoint" -> multi(coordinates, path, this::point, Point[]::new, FACTORY::createMultiPoint);
			case "MultiLineString" ->
				multi(coordinates, path, this::lineString, LineString[]::new, FACTORY::createMultiLineString);
			case "MultiPolygon" -> multi(coordinates, path, this::polygon, Polygon[]::new, FACTORY::createMultiPolygon);
			default -> throw new IllegalStateException(type);
		};
		return violations.isEmpty() ? geometry : null;
	}

	private Point point(JsonNode node, String path) {
		Coordinate coordinate = position(node, path);
		return coordinate == null ? null : FACTORY.createPoint(coordinate);
	}

	private LineString lineString(JsonNode node, String path) {
		Coordinate[] coordinates = positions(node, path);
		if (coordinates == null) {
			return null;
		}
		if (Arrays.stream(coordinates).distinct().count() < 2) {
			violations.add(new Violation(path, GeometryError.LINE_TOO_SHORT));
			return null;
		}
		return FACTORY.createLineString(coordinates);
	}

	private Polygon polygon(JsonNode node, String path) {
		if (!node.isArray() || node.isEmpty()) {
			violations.add(new Violation(path, GeometryError.POLYGON_WITHOUT_RINGS));
			return null;
		}
		LinearRing[] rings = new LinearRing[node.size()];
		for (int i = 0; i < node.size(); i++) {
			rings[i] = ring(node.get(i), path + "[" + i + "]");
			if (rings[i] == null) {
				return null;
			}
		}
		return FACTORY.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
	}

	private LinearRing ring(JsonNode node, String path) {
		Coordinate[] coordinates = positions(node, path);
		if (coordinates == null) {
			return null;
		}
		if (coordinates.length < 4) {
			violations.add(new Violation(path, GeometryError.RING_TOO_SHORT, "count", coordinates.length));
			return null;
		}
		Coordinate first = coordinates[0];
		Coordinate last = coordinates[coordinates.length - 1];
		if (!first.equals2D(last)) {
			violations.add(at(path, GeometryError.RING_NOT_CLOSED, last.x, last.y));
			return null;
		}
		return FACTORY.createLinearRing(coordinates);
	}

	private <T extends Geometry> Geometry multi(JsonNode node, String path, PartReader<T> part,
			java.util.function.IntFunction<T[]> array, java.util.function.Function<T[], Geometry> create) {
		T[] parts = array.apply(node.size());
		for (int i = 0; i < node.size(); i++) {
			parts[i] = part.read(node.get(i), path + "[" + i + "]");
			if (parts[i] == null) {
				return null;
			}
		}
		return create.apply(parts);
	}

	private Coordinate[] positions(JsonNode node, String path) {
		if (!node.isArray() || node.isEmpty()) {
			violations.add(new Violation(path, GeometryError.NOT_POSITIONS));
			return null;
		}
		Coordinate[] coordinates = new Coordinate[node.size()];
		for (int i = 0; i < node.size(); i++) {
			coordinates[i] = position(node.get(i), path + "[" + i + "]");
			if (coordinates[i] == null) {
				return null;
			}
		}
		return coordinates;
	}

	private Coordinate position(JsonNode node, String path) {
		if (++vertices > maxVertices) {
			if (vertices == maxVertices + 1) {
				violations.add(new Violation(field, GeometryError.TOO_MANY_POSITIONS, "max", maxVertices));
			}
			return null;
		}
		if (!node.isArray() || node.size() < 2 || node.size() > 3) {
			violations.add(new Violation(path, GeometryError.NOT_POSITION));
			return null;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode number = node.get(i);
			if (!number.isNumber() || !Double.isFinite(number.doubleValue())) {
				violations.add(new Violation(path + "[" + i + "]", RequestError.NOT_FINITE, "value", number.toString()));
				return null;
			}
		}
		double lon = node.get(0).doubleValue();
		double lat = node.get(1).doubleValue();
		if (extent == null) {
			return new Coordinate(lon, lat);
		}
		if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
			violations.add(at(path, GeometryError.NOT_LON_LAT, lon, lat));
			return null;
		}
		if (!extent.contains(lon, lat)) {
			violations.add(at(path, extent.contains(lat, lon) ? GeometryError.LAT_LON_SWAPPED : GeometryError.OUTSIDE_EXTENT,
					lon, lat, "extent", extent.toList()));
			return null;
		}
		return new Coordinate(lon, lat);
	}

	// Said of the position: marked on the map when it is lon/lat; a file's (another CRS) is only named.
	private Violation at(String path, GeometryError code, double x, double y, Object... namesAndValues) {
		double[] position = { x, y };
		if (extent == null) {
			Object[] args = java.util.Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
			args[namesAndValues.length] = "position";
			args[namesAndValues.length + 1] = position;
			return new Violation(path, code, args);
		}
		return Violation.at(path, code, position, namesAndValues);
	}

	@FunctionalInterface
	private interface PartReader<T> {

		T read(JsonNode node, String path);

	}

}
