package se.trygghetskartan.exchange;

import java.util.function.BiFunction;

import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.VersionedResource;
import se.trygghetskartan.system.ETags;
import tools.jackson.databind.JsonNode;

/**
 * Where a layer's rows go: read by the draft the API reads ({@code PlaceDraft.read}), so that a bad
 * value has the same reason as in {@code /api}, and stored by the module's service, which records
 * the history.
 *
 * @param existing SQL selecting the ids among {@code :ids} of the municipality's items, from the
 * owner's published view
 */
record ImportTarget<D>(BiFunction<JsonNode, GeometryService, D> reader, VersionedResource<D, StoredFeature> resource,
		String existing) {

	Object read(JsonNode feature, GeometryService geometries) {
		return reader.apply(feature, geometries);
	}

	@SuppressWarnings("unchecked")
	void create(Object draft) {
		resource.create((D) draft);
	}

	/** Replaces the item as it is now (the file is the newer word, as a PUT after reading it). */
	@SuppressWarnings("unchecked")
	void update(long id, Object draft) {
		resource.update(id, (D) draft, ETags.of(resource.find(id).version()));
	}

}
