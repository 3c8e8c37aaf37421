package se.trygghetskartan.geo;

import tools.jackson.databind.JsonNode;

/** A collection of items that are GeoJSON Features, each with a version for optimistic locking. */
public interface FeatureResource {

	StoredFeature find(long id);

	StoredFeature create(JsonNode body);

	/** Replaces the item, if {@code ifMatch} names its current version. */
	StoredFeature update(long id, JsonNode body, String ifMatch);

	/** Deletes the item; an {@code ifMatch}, when sent, must name its current version. */
	void delete(long id, String ifMatch);

}
