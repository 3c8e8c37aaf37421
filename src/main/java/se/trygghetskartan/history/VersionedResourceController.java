package se.trygghetskartan.history;

import java.net.URI;
import java.util.function.Function;

import se.trygghetskartan.system.ETags;
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

/**
 * GET, POST, PUT and DELETE of single versioned items, the same for every collection (places,
 * measures, activities as GeoJSON Features; promises and commitments as JSON objects): the body
 * becomes a draft here, ETags come from versions, changes need If-Match, and what is created gets a
 * Location. Subclasses map the collection's path and add its lists.
 */
public abstract class VersionedResourceController<D, S extends StoredItem> {

	/** GeoJSON's media type (RFC 7946); items are Features or plain JSON objects. */
	private static final String GEO_JSON = "application/geo+json";

	private final VersionedResource<D, S> resource;

	private final Function<JsonNode, D> drafts;

	private final MediaType type;

	/**
	 * @param drafts reads a body into a draft, or throws the 422 that says what is wrong with it
	 * @param type the media type of the answers
	 */
	protected VersionedResourceController(VersionedResource<D, S> resource, Function<JsonNode, D> drafts,
			MediaType type) {
		this.resource = resource;
		this.drafts = drafts;
		this.type = type;
	}

	@GetMapping(path = "/{id}", produces = { GEO_JSON, MediaType.APPLICATION_JSON_VALUE })
	public ResponseEntity<String> get(@PathVariable long id) {
		resource.enter(id);
		return answer(ResponseEntity.ok(), resource.find(id));
	}

	@PostMapping(consumes = { GEO_JSON, MediaType.APPLICATION_JSON_VALUE },
			produces = { GEO_JSON, MediaType.APPLICATION_JSON_VALUE })
	public ResponseEntity<String> create(@RequestBody JsonNode body) {
		S created = resource.create(drafts.apply(body));
		String path = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(created.id())
			.toUri()
			.getRawPath();
		return answer(ResponseEntity.created(URI.create(path)), created);
	}

	@PutMapping(path = "/{id}", consumes = { GEO_JSON, MediaType.APPLICATION_JSON_VALUE },
			produces = { GEO_JSON, MediaType.APPLICATION_JSON_VALUE })
	public ResponseEntity<String> update(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		resource.enter(id);
		return answer(ResponseEntity.ok(), resource.update(id, drafts.apply(body), ifMatch));
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		resource.enter(id);
		resource.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	/** Makes the request about the item (its municipality), before its body is read; 404 when there is none. */
	protected void enter(long id) {
		resource.enter(id);
	}

	private ResponseEntity<String> answer(ResponseEntity.BodyBuilder response, S item) {
		return response.eTag(ETags.of(item.version())).contentType(type).body(item.json());
	}

}
