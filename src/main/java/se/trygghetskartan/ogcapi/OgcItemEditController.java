package se.trygghetskartan.ogcapi;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import se.trygghetskartan.account.Role;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;

/**
 * OGC API – Features Part 4 for places and measures: POST a Feature to a collection's items (201,
 * Location, ETag), PUT one whole, PATCH it with a JSON merge patch (its properties, its geometry or
 * both), DELETE it; the body's coordinates in the CRS {@code Content-Crs} names (CRS84 when absent).
 * OPTIONS on the items and on any item, existing or not (QGIS probes one that is not), answers in
 * {@code Allow} the verbs this caller may use there, which is how QGIS decides that a layer is
 * editable. Anonymous writes never get here (401, SecurityConfig); a planner of another
 * municipality gets 403 before the body is read as a draft. QGIS keeps the connection's query on its
 * GETs only, so for another municipality than the default it connects to that one's prefix
 * ({@code /flen/ogc}), where OPTIONS and POST are about the path's municipality.
 */
@RestController
@RequestMapping({ "/ogc/collections/{collectionId}/items",
		Municipalities.PREFIX + "/ogc/collections/{collectionId}/items" })
class OgcItemEditController {

	static final String MERGE_PATCH_VALUE = "application/merge-patch+json";

	private static final List<HttpMethod> READ = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private final EditableCollections collections;

	private final ContentCrs contentCrs;

	private final Municipalities municipalities;

	OgcItemEditController(EditableCollections collections, ContentCrs contentCrs, Municipalities municipalities) {
		this.collections = collections;
		this.contentCrs = contentCrs;
		this.municipalities = municipalities;
	}

	@RequestMapping(method = RequestMethod.OPTIONS)
	ResponseEntity<Void> itemsOptions(@PathVariable String collectionId) {
		return allowed(collectionId, HttpMethod.POST);
	}

	@RequestMapping(path = "/{featureId}", method = RequestMethod.OPTIONS)
	ResponseEntity<Void> itemOptions(@PathVariable String collectionId, @PathVariable String featureId) {
		EditableCollection<?> collection = collections.get(collectionId);
		if (collection != null) {
			try {
				collection.enter(featureId);
			}
			catch (NotFoundException absent) {
				// An id that names nothing: what the caller may do in the request's municipality.
			}
		}
		return allowed(collectionId, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
	}

	@PostMapping(consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Void> create(@PathVariable String collectionId, @RequestBody JsonNode body,
			@RequestHeader(name = OgcController.CONTENT_CRS, required = false) String crs,
			@RequestParam(name = Municipalities.PARAMETER, required = false) String municipality,
			HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
		EditableCollection<?> collection = editable(collectionId, HttpMethod.POST);
		municipalities.require(Role.PLANNER, municipalities.currentId());
		StoredFeature created = collection.create(contentCrs.toCrs84(body, crs));
		ServletUriComponentsBuilder location = ServletUriComponentsBuilder.fromCurrentRequestUri();
		location.path("/{id}").replaceQuery(null);
		if (municipality != null && OgcController.prefix(request) == null) {
			location.queryParam(Municipalities.PARAMETER, municipality);
		}
		URI uri = location.buildAndExpand(created.id()).encode().toUri();
		return ResponseEntity.created(uri).eTag(ETags.of(created.version())).build();
	}

	/** PUT replaces the item with the Feature sent; PATCH merges the patch sent into it. */
	@RequestMapping(path = "/{featureId}", method = { RequestMethod.PUT, RequestMethod.PATCH },
			consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_VALUE })
	ResponseEntity<Void> change(@PathVariable String collectionId, @PathVariable String featureId, HttpMethod method,
			@RequestBody JsonNode body, @RequestHeader(name = OgcController.CONTENT_CRS, required = false) String crs,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch)
			throws HttpRequestMethodNotSupportedException {
		EditableCollection<?> collection = editable(collectionId, method);
		long id = entered(collection, featureId);
		JsonNode sent = contentCrs.toCrs84(body, crs);
		StoredFeature changed = method == HttpMethod.PATCH ? collection.patch(id, sent, ifMatch)
				: collection.replace(id, sent, ifMatch);
		return ResponseEntity.noContent().eTag(ETags.of(changed.version())).build();
	}

	@DeleteMapping("/{featureId}")
	ResponseEntity<Void> delete(@PathVariable String collectionId, @PathVariable String featureId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch)
			throws HttpRequestMethodNotSupportedException {
		EditableCollection<?> collection = editable(collectionId, HttpMethod.DELETE);
		collection.delete(entered(collection, featureId), ifMatch);
		return ResponseEntity.noContent().build();
	}

	private EditableCollection<?> editable(String collectionId, HttpMethod method)
			throws HttpRequestMethodNotSupportedException {
		EditableCollection<?> collection = collections.get(collectionId);
		if (collection == null) {
			throw new HttpRequestMethodNotSupportedException(method.name(), READ.stream().map(HttpMethod::name).toList());
		}
		return collection;
	}

	// In the item's municipality, whose planners alone may change it: 403 before the body is read as a draft.
	private long entered(EditableCollection<?> collection, String featureId) {
		long id = collection.enter(featureId);
		municipalities.require(Role.PLANNER, municipalities.currentId());
		return id;
	}

	private ResponseEntity<Void> allowed(String collectionId, HttpMethod... writes) {
		Set<HttpMethod> verbs = new LinkedHashSet<>(READ);
		if (collections.get(collectionId) != null && municipalities.has(Role.PLANNER, municipalities.currentId())) {
			verbs.addAll(List.of(writes));
		}
		return ResponseEntity.ok().allow(verbs.toArray(HttpMethod[]::new)).build();
	}

}
