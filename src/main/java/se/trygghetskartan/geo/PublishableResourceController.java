package se.trygghetskartan.geo;

import java.util.function.Function;

import se.trygghetskartan.history.VersionedResource;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;
import static se.trygghetskartan.geo.GeoJsonResponses.feature;

/**
 * A collection whose items may be drafts: besides the verbs of every collection,
 * {@code PUT /{id}/published} with {@code {"published": true}} (or false) and If-Match publishes or
 * unpublishes one, answering the item with its new ETag.
 */
public abstract class PublishableResourceController<D> extends FeatureResourceController<D> {

	private final Publishable publishable;

	protected <R extends VersionedResource<D, StoredFeature> & Publishable> PublishableResourceController(R resource,
			Function<JsonNode, D> drafts) {
		super(resource, drafts);
		this.publishable = resource;
	}

	@PutMapping(path = "/{id}/published", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	public ResponseEntity<String> publish(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		enter(id);
		FeatureBody request = FeatureBody.plain(body, null);
		Boolean published = request.properties().bool("published", null);
		if (published == null && request.isValid()) {
			request.reject("published", RequestError.NOT_BOOLEAN);
		}
		request.throwIfInvalid();
		return feature(ResponseEntity.ok(), publishable.publish(id, published, ifMatch));
	}

}
