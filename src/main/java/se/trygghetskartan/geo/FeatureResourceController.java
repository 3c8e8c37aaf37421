package se.trygghetskartan.geo;

import java.net.URI;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;
import static se.trygghetskartan.geo.GeoJsonResponses.feature;

/**
 * GET, POST, PUT and DELETE of single Features, the same for every collection: ETags from versions,
 * If-Match on changes, Location for what is created. Subclasses map the collection's path and add
 * its filtered list.
 */
public abstract class FeatureResourceController {

	private final FeatureResource resource;

	protected FeatureResourceController(FeatureResource resource) {
		this.resource = resource;
	}

	@GetMapping(path = "/{id}", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	public ResponseEntity<String> get(@PathVariable long id) {
		return feature(ResponseEntity.ok(), resource.find(id));
	}

	@PostMapping(consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	public ResponseEntity<String> create(@RequestBody JsonNode body) {
		StoredFeature created = resource.create(body);
		String path = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(created.id())
			.toUri()
			.getRawPath();
		return feature(ResponseEntity.created(URI.create(path)), created);
	}

	@PutMapping(path = "/{id}", consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	public ResponseEntity<String> update(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return feature(ResponseEntity.ok(), resource.update(id, body, ifMatch));
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		resource.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
