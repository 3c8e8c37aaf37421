package se.trygghetskartan.geo;

import java.util.function.Function;

import se.trygghetskartan.history.VersionedResource;
import se.trygghetskartan.history.VersionedResourceController;
import tools.jackson.databind.JsonNode;

/** The versioned-resource controller for collections of GeoJSON Features. */
public abstract class FeatureResourceController<D> extends VersionedResourceController<D, StoredFeature> {

	protected FeatureResourceController(VersionedResource<D, StoredFeature> resource, Function<JsonNode, D> drafts) {
		super(resource, drafts, GeoJsonResponses.GEO_JSON);
	}

}
