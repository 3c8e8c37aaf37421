package se.trygghetskartan.place;

import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import tools.jackson.databind.JsonNode;

/**
 * A place as a client sent it, checked field by field; {@code published} is null when the client
 * left it out.
 */
public record PlaceDraft(String name, String description, Geometry geometry, Set<PlaceReason> reasons, PlaceSource source,
		PlaceStatus status, Boolean published) {

	/** Reads and checks a Feature; a 422 says what is wrong with it. */
	public static PlaceDraft read(JsonNode body, GeometryService geometries) {
		FeatureBody feature = new FeatureBody(body, geometries);
		PlaceDraft draft = new PlaceDraft(feature.text("name", true, 200), feature.text("description", false, 10_000),
				feature.geometry(GeometryKind.ANY_SIMPLE, true), Set.copyOf(feature.codes(PlaceReason.class, "reasons")),
				feature.code(PlaceSource.class, "source", null), feature.code(PlaceStatus.class, "status", PlaceStatus.OPEN),
				feature.properties().bool("published", null));
		feature.throwIfInvalid();
		return draft;
	}

}
