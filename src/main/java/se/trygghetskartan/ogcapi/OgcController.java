package se.trygghetskartan.ogcapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.GeoJsonResponses;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalitySettings;
import se.trygghetskartan.system.InvalidRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OGC API – Features, Part 1 (Core) and Part 2 (CRS by reference), read side: the landing page, the
 * API definition, conformance, collections, items and single items, each as JSON and as a plain HTML
 * page ({@code f=json|html}, else the Accept header: browsers get HTML). Under {@code /ogc} the
 * municipality is the default one or the one {@code municipality=slug} names, and every link carries
 * that on; under a municipality's own prefix ({@code /flen/ogc}) it is the path's, and every link
 * stays under the prefix, as QGIS needs for its writes (see {@link OgcItemEditController}).
 */
@RestController
@RequestMapping({ "/ogc", Municipalities.PREFIX + "/ogc" })
class OgcController {

	static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

	static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	static final String HTML = "text/html";

	static final String CONTENT_CRS = "Content-Crs";

	static final Set<String> COMMON = Set.of("f", "municipality");

	static final Set<String> ITEMS = Set.of("f", "municipality", "limit", "offset", "bbox", "bbox-crs", "datetime",
			"crs");

	static final Set<String> ITEM = Set.of("f", "municipality", "crs");

	private final OgcFeatures features;

	private final OgcApiDefinition definition;

	private final Municipalities municipalities;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OgcController(OgcFeatures features, OgcApiDefinition definition, Municipalities municipalities, JdbcClient jdbc,
			JsonMapper json) {
		this.features = features;
		this.definition = definition;
		this.municipalities = municipalities;
		this.jdbc = jdbc;
		this.json = json;
	}

	@GetMapping({ "", "/" })
	ResponseEntity<String> landing(HttpServletRequest request) {
		OgcFormat format = OgcFormat.of(request, COMMON);
		MunicipalitySettings municipality = municipalities.current();
		ObjectNode landing = json.createObjectNode();
		landing.put("title", "Trygghetskartan – " + municipality.name());
		landing.put("description", "Otrygga platser, åtgärder, områden, aktiviteter och brottsstatistik i "
				+ municipality.name() + " som OGC API – Features. Varje kommun har sin egen adress: /kortnamn/ogc.");
		ArrayNode links = landing.putArray("links");
		self(links, request, "", format, JSON);
		links.add(link(href(request, "/api", "f", "json"), "service-desc", OPENAPI, "API-beskrivning (OpenAPI 3.0)"));
		links.add(link(href(request, "/api", "f", "html"), "service-doc", HTML, "API-dokumentation"));
		links.add(link(href(request, "/conformance", "f", "json"), "conformance", JSON, "Standarder som uppfylls"));
		links.add(link(href(request, "/collections", "f", "json"), "data", JSON, "Samlingar"));
		return answer(format, landing, JSON, () -> OgcHtml.landing(landing));
	}

	@GetMapping("/api")
	ResponseEntity<String> api(HttpServletRequest request) {
		OgcFormat format = OgcFormat.of(request, COMMON);
		ObjectNode document = definition.document(href(request, "", null, null), features.visible());
		return answer(format, document, OPENAPI, () -> OgcHtml.api(document));
	}

	@GetMapping("/conformance")
	ResponseEntity<String> conformance(HttpServletRequest request) {
		OgcFormat format = OgcFormat.of(request, COMMON);
		ObjectNode conformance = json.createObjectNode();
		OgcConformance.CLASSES.forEach(conformance.putArray("conformsTo")::add);
		self(conformance.putArray("links"), request, "/conformance", format, JSON);
		return answer(format, conformance, JSON, () -> OgcHtml.conformance(conformance));
	}

	@GetMapping("/collections")
	ResponseEntity<String> collections(HttpServletRequest request) {
		OgcFormat format = OgcFormat.of(request, COMMON);
		ObjectNode answer = json.createObjectNode();
		ArrayNode links = answer.putArray("links");
		self(links, request, "/collections", format, JSON);
		ArrayNode collections = answer.putArray("collections");
		features.visible().forEach(collection -> collections.add(describe(collection, request)));
		answer.putArray("crs").addAll(uris());
		return answer(format, answer, JSON, () -> OgcHtml.collections(answer));
	}

	@GetMapping("/collections/{collectionId}")
	ResponseEntity<String> collection(@PathVariable String collectionId, HttpServletRequest request) {
		OgcFormat format = OgcFormat.of(request, COMMON);
		ObjectNode collection = describe(features.collection(collectionId), request);
		ArrayNode links = (ArrayNode) collection.get("links");
		links.remove(0);
		self(links, request, "/collections/" + collectionId, format, JSON);
		return answer(format, collection, JSON, () -> OgcHtml.collection(collection));
	}

	/** The queryable properties as a JSON Schema, as Part 3 describes them. */
	@GetMapping("/collections/{collectionId}/queryables")
	ResponseEntity<String> queryables(@PathVariable String collectionId, HttpServletRequest request) {
		OgcFormat format = OgcFormat.of(request, COMMON);
		OgcCollection collection = features.collection(collectionId);
		ObjectNode schema = json.createObjectNode();
		schema.put("$schema", "https://json-schema.org/draft/2019-09/schema");
		schema.put("$id", href(request, "/collections/" + collectionId + "/queryables", null, null));
		schema.put("type", "object");
		schema.put("title", collection.title());
		ObjectNode properties = schema.putObject("properties");
		collection.queryables().forEach(queryable -> {
			ObjectNode property = properties.putObject(queryable.name());
			property.put("title", queryable.name());
			property.put("type", queryable.type());
			if (!queryable.allowed().isEmpty()) {
				queryable.allowed().forEach(property.putArray("enum")::add);
			}
		});
		schema.put("additionalProperties", true);
		return answer(format, schema, "application/schema+json", () -> OgcHtml.queryables(schema));
	}

	@GetMapping("/collections/{collectionId}/items")
	ResponseEntity<String> items(@PathVariable String collectionId, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long offset, @RequestParam(required = false) String bbox,
			@RequestParam(name = "bbox-crs", required = false) String bboxCrs,
			@RequestParam(required = false) String datetime, @RequestParam(required = false) String crs,
			HttpServletRequest request) {
		OgcCollection collection = features.collection(collectionId);
		Set<String> allowed = new HashSet<>(ITEMS);
		collection.queryables().forEach(queryable -> allowed.add(queryable.name()));
		OgcFormat format = OgcFormat.of(request, allowed);
		OgcCrs outputCrs = OgcCrs.parameter("crs", crs);
		Page page = OgcParameters.page(limit, offset);
		BoundingBox box = OgcParameters.bbox(bbox, bboxCrs, jdbc);
		LocalDate[] days = OgcParameters.datetime(datetime);
		if (days != null && !collection.temporal()) {
			throw InvalidRequestException.parameter("datetime", OgcError.NOT_TEMPORAL, "collection", collectionId);
		}
		Map<String, List<String>> properties = new LinkedHashMap<>();
		collection.queryables().forEach(queryable -> {
			String[] values = request.getParameterValues(queryable.name());
			if (values != null) {
				properties.put(queryable.name(), List.of(String.join(",", values).split(",")));
			}
		});
		OgcQuery query = new OgcQuery(box, days == null ? null : days[0], days == null ? null : days[1], properties,
				page);
		ObjectNode answer = features.items(collection, query, outputCrs);
		ObjectNode ordered = json.createObjectNode();
		ordered.put("type", "FeatureCollection");
		ordered.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		ordered.set("numberMatched", answer.get("numberMatched"));
		ordered.set("numberReturned", answer.get("numberReturned"));
		ArrayNode links = ordered.putArray("links");
		String path = "/collections/" + collectionId + "/items";
		self(links, request, path, format, GeoJsonResponses.GEO_JSON_VALUE);
		long returned = answer.get("numberReturned").asLong();
		JsonNode matched = answer.get("numberMatched");
		boolean more = matched == null || matched.isNull() ? returned == page.limit()
				: page.offset() + returned < matched.asLong();
		if (more) {
			pageLinks(links, request, path, "next", page.offset() + page.limit(), format);
		}
		if (page.offset() > 0) {
			pageLinks(links, request, path, "prev", Math.max(0, page.offset() - page.limit()), format);
		}
		links.add(link(href(request, "/collections/" + collectionId, "f", "json"), "collection", JSON,
				collection.title()));
		answer.properties().forEach(field -> {
			if (!ordered.has(field.getKey())) {
				ordered.set(field.getKey(), field.getValue());
			}
		});
		ResponseEntity<String> response = answer(format, ordered, GeoJsonResponses.GEO_JSON_VALUE,
				() -> OgcHtml.items(collection.title(), ordered, outputCrs,
						id -> href(request, path + "/" + id, "f", "html")));
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.header(CONTENT_CRS, outputCrs.header())
			.body(response.getBody());
	}

	@GetMapping("/collections/{collectionId}/items/{featureId}")
	ResponseEntity<String> item(@PathVariable String collectionId, @PathVariable String featureId,
			@RequestParam(required = false) String crs, HttpServletRequest request) {
		OgcFormat format = OgcFormat.of(request, ITEM);
		OgcCrs outputCrs = OgcCrs.parameter("crs", crs);
		OgcItem item = features.item(collectionId, featureId, outputCrs);
		ObjectNode feature = (ObjectNode) json.readTree(item.json());
		ArrayNode links = feature.putArray("links");
		self(links, request, "/collections/" + collectionId + "/items/" + featureId, format,
				GeoJsonResponses.GEO_JSON_VALUE);
		links.add(link(href(request, "/collections/" + collectionId, "f", "json"), "collection", JSON,
				features.collection(collectionId).title()));
		ResponseEntity<String> response = answer(format, feature, GeoJsonResponses.GEO_JSON_VALUE,
				() -> OgcHtml.item(features.collection(collectionId).title(), feature, outputCrs));
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.eTag(item.etag())
			.header(CONTENT_CRS, outputCrs.header())
			.body(response.getBody());
	}

	private ObjectNode describe(OgcCollection collection, HttpServletRequest request) {
		String path = "/collections/" + collection.id();
		ObjectNode described = json.createObjectNode();
		described.put("id", collection.id());
		described.put("title", collection.title());
		described.put("description", collection.description());
		described.put("itemType", "feature");
		ArrayNode links = described.putArray("links");
		links.add(link(href(request, path, "f", "json"), "self", JSON, collection.title()));
		links.add(link(href(request, path + "/items", "f", "json"), "items", GeoJsonResponses.GEO_JSON_VALUE,
				collection.title() + " (GeoJSON)"));
		links.add(link(href(request, path + "/items", "f", "html"), "items", HTML, collection.title() + " (HTML)"));
		links.add(link(href(request, path + "/queryables", "f", "json"),
				"http://www.opengis.net/def/rel/ogc/1.0/queryables",
				"application/schema+json", "Egenskaper att filtrera på"));
		BoundingBox extent = municipalities.extent();
		ObjectNode spatial = described.putObject("extent").putObject("spatial");
		ArrayNode box = spatial.putArray("bbox").addArray();
		extent.toList().forEach(box::add);
		spatial.put("crs", OgcCrs.CRS84.uri());
		described.putArray("crs").addAll(uris());
		described.put("storageCrs", OgcCrs.CRS84.uri());
		return described;
	}

	private ArrayNode uris() {
		ArrayNode uris = json.createArrayNode();
		OgcCrs.uris().forEach(uris::add);
		return uris;
	}

	// self in the format answered, alternate in the other.
	private void self(ArrayNode links, HttpServletRequest request, String path, OgcFormat format, String jsonType) {
		links.add(link(current(request, path, format.json() ? "json" : "html", null), "self",
				format.json() ? jsonType : HTML, "Denna sida"));
		links.add(link(current(request, path, format.json() ? "html" : "json", null), "alternate",
				format.json() ? HTML : jsonType, format.json() ? "Som HTML" : "Som JSON"));
	}

	private void pageLinks(ArrayNode links, HttpServletRequest request, String path, String rel, long offset,
			OgcFormat format) {
		String title = rel.equals("next") ? "Nästa sida" : "Föregående sida";
		links.add(link(current(request, path, "json", offset), rel, GeoJsonResponses.GEO_JSON_VALUE, title));
		if (!format.json()) {
			links.add(link(current(request, path, "html", offset), rel, HTML, title));
		}
	}

	/**
	 * The path the API was asked under, {@code /ogc} or a municipality's {@code /flen/ogc}: every link
	 * stays under it.
	 */
	static String base(HttpServletRequest request) {
		String slug = prefix(request);
		return slug == null ? "/ogc" : "/" + slug + "/ogc";
	}

	/** The slug of the municipality's prefix the request came in by ({@link Municipalities#PREFIX}), or null. */
	static String prefix(HttpServletRequest request) {
		return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& variables.get(Municipalities.PREFIX_VARIABLE) instanceof String slug ? slug : null;
	}

	// This request's parameters again (less a municipality= the prefix makes needless), in the format named
	// and at another offset (when given); path is under the base.
	private static String current(HttpServletRequest request, String path, String f, Long offset) {
		UriComponentsBuilder uri = ServletUriComponentsBuilder.fromContextPath(request).path(base(request) + path);
		boolean prefixed = prefix(request) != null;
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals("f") && !(offset != null && name.equals("offset"))
					&& !(prefixed && name.equals(Municipalities.PARAMETER))) {
				uri.queryParam(name, (Object[]) values);
			}
		});
		if (offset != null && offset > 0) {
			uri.queryParam("offset", offset);
		}
		return uri.queryParam("f", f).toUriString();
	}

	// A link to another resource under the base, carrying a municipality= chosen under /ogc.
	private static String href(HttpServletRequest request, String path, String name, String value) {
		UriComponentsBuilder uri = ServletUriComponentsBuilder.fromContextPath(request).path(base(request) + path);
		String municipality = request.getParameter(Municipalities.PARAMETER);
		if (municipality != null && prefix(request) == null) {
			uri.queryParam(Municipalities.PARAMETER, municipality);
		}
		if (name != null) {
			uri.queryParam(name, value);
		}
		return uri.toUriString();
	}

	private ObjectNode link(String href, String rel, String type, String title) {
		ObjectNode link = json.createObjectNode();
		link.put("href", href);
		link.put("rel", rel);
		link.put("type", type);
		link.put("title", title);
		return link;
	}

	private ResponseEntity<String> answer(OgcFormat format, JsonNode body, String jsonType,
			java.util.function.Supplier<String> html) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		if (format.json()) {
			return response.contentType(MediaType.parseMediaType(jsonType)).body(json.writeValueAsString(body));
		}
		return response.contentType(MediaType.parseMediaType("text/html;charset=UTF-8")).body(html.get());
	}

}
