package se.trygghetskartan.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinates typed by a planner in SWEREF 99 TM (as GIS staff read them off QGIS or a drawing) made
 * into WGS 84 for drawing: PostGIS transforms them, the browser bundles no projection library.
 * {@code POST /api/coordinate-transforms} with {@code {"crs": "EPSG:3006", "coordinates": [[E, N], …]}}
 * answers {@code {"crs": "EPSG:4326", "coordinates": [[lon, lat], …]}}.
 */
@RestController
class CoordinateTransformController {

	// Generous bounds around Sweden in SWEREF 99 TM, so that a typo (a digit too many or too few, or
	// latitude and longitude typed as metres) is told at once rather than drawn in the sea.
	private static final double[] SWEREF_BOUNDS = { 150_000, 6_000_000, 1_100_000, 7_900_000 };

	private final GeometryService geometries;

	private final GeoProperties properties;

	CoordinateTransformController(GeometryService geometries, GeoProperties properties) {
		this.geometries = geometries;
		this.properties = properties;
	}

	@PostMapping(path = "/api/coordinate-transforms", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> transform(@RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw InvalidRequestException.body("", RequestError.NOT_JSON_OBJECT);
		}
		List<Violation> violations = new ArrayList<>();
		JsonNode crsNode = body.path("crs");
		Integer code = crsNode.isString() ? SupportedCrs.epsgOf(crsNode.stringValue()) : null;
		SupportedCrs crs = code == null ? null : SupportedCrs.ofEpsg(code).orElse(null);
		if (crs == null) {
			violations.add(new Violation("crs", GeometryError.CRS_REQUIRED, "supported", SupportedCrs.described()));
		}
		JsonNode coordinates = body.path("coordinates");
		List<double[]> positions = new ArrayList<>();
		if (!coordinates.isArray() || coordinates.isEmpty() || coordinates.size() > properties.maxVertices()) {
			violations.add(new Violation("coordinates", GeometryError.COORDINATES_LIST, "max", properties.maxVertices()));
		}
		else {
			for (int i = 0; i < coordinates.size(); i++) {
				double[] position = position(coordinates.get(i), crs, "coordinates[" + i + "]", violations);
				if (position != null) {
					positions.add(position);
				}
			}
		}
		if (!violations.isEmpty()) {
			throw InvalidRequestException.body(violations);
		}
		return Map.of("crs", SupportedCrs.WGS84.code(), "coordinates", geometries.toWgs84(positions, crs));
	}

	private static double[] position(JsonNode node, SupportedCrs crs, String field, List<Violation> violations) {
		if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
			violations.add(new Violation(field, GeometryError.NOT_XY, "value", node.toString()));
			return null;
		}
		double x = node.get(0).doubleValue();
		double y = node.get(1).doubleValue();
		if (crs == SupportedCrs.SWEREF99_TM && (x < SWEREF_BOUNDS[0] || y < SWEREF_BOUNDS[1] || x > SWEREF_BOUNDS[2]
				|| y > SWEREF_BOUNDS[3])) {
			violations.add(new Violation(field, GeometryError.NOT_SWEREF, "position", new double[] { x, y }));
			return null;
		}
		if (crs == SupportedCrs.WGS84 && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
			violations.add(new Violation(field, GeometryError.NOT_LON_LAT, "position", new double[] { x, y }));
			return null;
		}
		return new double[] { x, y };
	}

}
