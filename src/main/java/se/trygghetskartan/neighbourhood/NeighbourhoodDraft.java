package se.trygghetskartan.neighbourhood;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import tools.jackson.databind.JsonNode;

/**
 * A district's new name and boundary as a client sent them (a Feature: properties.name, optionally
 * properties.description, and an area in WGS 84 inside the extent); {@code described} is false when
 * the client left the description out, which keeps it.
 */
public record NeighbourhoodDraft(String name, String description, boolean described, Geometry area) {

	/** Reads and checks a Feature; a 422 says what is wrong with it. */
	public static NeighbourhoodDraft read(JsonNode body, GeometryService geometries) {
		FeatureBody feature = new FeatureBody(body, geometries);
		String name = feature.text("name", true, NeighbourhoodService.MAX_NAME);
		// Scripts that send only a name and a boundary keep the description; a null clears it.
		boolean described = body.path("properties").has("description");
		String description = feature.text("description", false, 2000);
		Geometry area = feature.geometry(GeometryKind.AREA, true);
		feature.throwIfInvalid();
		return new NeighbourhoodDraft(name, description, described, area);
	}

}
