package se.trygghetskartan.ogcapi;

import java.util.ArrayList;
import java.util.List;

import se.trygghetskartan.geo.GeometryError;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.SupportedCrs;
import se.trygghetskartan.system.InvalidRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * A request body's geometry in the CRS its {@code Content-Crs} header names (Part 4 with Part 2),
 * brought to CRS84 (longitude, latitude) before the feature modules read it as they read /api's
 * GeoJSON: the axes swapped where the CRS puts northing or latitude first, and the positions
 * transformed by PostGIS, unrounded, so that what a GIS stores in SWEREF 99 TM comes back to the
 * millimetre. Whatever is not a position of numbers is left as sent, for the geometry's reader to name.
 */
@Component
class ContentCrs {

	private final GeometryService geometries;

	ContentCrs(GeometryService geometries) {
		this.geometries = geometries;
	}

	/** The body (a Feature or a merge patch) with its geometry in CRS84: itself when it is in CRS84 already. */
	JsonNode toCrs84(JsonNode body, String contentCrs) {
		OgcCrs crs = OgcCrs.parameter(OgcController.CONTENT_CRS, contentCrs);
		if (crs == OgcCrs.CRS84 || body == null || !body.path("geometry").isObject()) {
			return body;
		}
		ObjectNode moved = (ObjectNode) body.deepCopy();
		List<ArrayNode> positions = new ArrayList<>();
		collect(moved.get("geometry").get("coordinates"), positions);
		List<double[]> sent = positions.stream().map(p -> crs.northingFirst()
				? new double[] { p.get(1).doubleValue(), p.get(0).doubleValue() }
				: new double[] { p.get(0).doubleValue(), p.get(1).doubleValue() }).toList();
		List<double[]> lonLat = crs.srid() == SupportedCrs.WGS84.srid() || sent.isEmpty() ? sent : transformed(sent, crs);
		for (int i = 0; i < positions.size(); i++) {
			positions.get(i).set(0, JsonNodeFactory.instance.numberNode(lonLat.get(i)[0]));
			positions.get(i).set(1, JsonNodeFactory.instance.numberNode(lonLat.get(i)[1]));
		}
		return moved;
	}

	private List<double[]> transformed(List<double[]> positions, OgcCrs crs) {
		SupportedCrs from = SupportedCrs.ofEpsg(crs.srid()).orElseThrow();
		try {
			return geometries.toWgs84Exactly(positions, from);
		}
		catch (DataAccessException ex) {
			throw InvalidRequestException.body("geometry", GeometryError.NOT_TRANSFORMABLE, "crs", from.code());
		}
	}

	// Positions are arrays of two or more finite numbers, at any depth of the coordinates.
	private static void collect(JsonNode node, List<ArrayNode> positions) {
		if (node == null || !node.isArray()) {
			return;
		}
		if (node.size() >= 2 && isFinite(node.get(0)) && isFinite(node.get(1))) {
			positions.add((ArrayNode) node);
			return;
		}
		for (JsonNode child : node) {
			collect(child, positions);
		}
	}

	private static boolean isFinite(JsonNode value) {
		return value.isNumber() && Double.isFinite(value.doubleValue());
	}

}
