package se.trygghetskartan.ogcapi;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The API definition (OpenAPI 3.0) of the OGC endpoints, with a path per collection the caller sees,
 * so that each collection's filters (its queryables) are parameters it names, as the standard wants.
 */
@Component
class OgcApiDefinition {

	private final JsonMapper json;

	OgcApiDefinition(JsonMapper json) {
		this.json = json;
	}

	ObjectNode document(String base, List<OgcCollection> collections) {
		ObjectNode document = json.createObjectNode();
		document.put("openapi", "3.0.3");
		ObjectNode info = document.putObject("info");
		info.put("title", "Trygghetskartan – OGC API – Features");
		info.put("version", "1.0.0");
		info.put("description", "Otrygga platser, åtgärder, områden, aktiviteter och brottsstatistik per kommun "
				+ "(municipality=slug, annars standardkommunen). Del 1 (Core) och del 2 (CRS).");
		document.putArray("servers").addObject().put("url", base);
		ObjectNode paths = document.putObject("paths");
		get(paths, "/", "Startsidan", "application/json", List.of());
		get(paths, "/api", "Denna API-beskrivning", OgcController.OPENAPI, List.of());
		get(paths, "/conformance", "Standarder som uppfylls", "application/json", List.of());
		get(paths, "/collections", "Samlingarna", "application/json", List.of());
		for (OgcCollection collection : collections) {
			String path = "/collections/" + collection.id();
			get(paths, path, collection.title(), "application/json", List.of());
			get(paths, path + "/queryables", collection.title() + ": egenskaper att filtrera på", "application/schema+json",
					List.of());
			ObjectNode items = get(paths, path + "/items", collection.title() + ": objekten", "application/geo+json",
					List.of("limit", "offset", "bbox", "bbox-crs", "datetime", "crs"));
			ArrayNode parameters = (ArrayNode) items.get("parameters");
			collection.queryables().forEach(queryable -> {
				ObjectNode parameter = parameters.addObject();
				parameter.put("name", queryable.name());
				parameter.put("in", "query");
				parameter.put("required", false);
				parameter.put("style", "form");
				parameter.put("explode", false);
				ObjectNode schema = parameter.putObject("schema");
				schema.put("type", queryable.type());
				queryable.allowed().forEach(value -> {
					if (!schema.has("enum")) {
						schema.putArray("enum");
					}
					((ArrayNode) schema.get("enum")).add(value);
				});
			});
			ObjectNode item = get(paths, path + "/items/{featureId}", collection.title() + ": ett objekt",
					"application/geo+json", List.of("featureId", "crs"));
			((ObjectNode) item.get("responses")).set("404", response("Inget objekt med det id:t", "application/problem+json"));
		}
		parameters(document.putObject("components").putObject("parameters"));
		return document;
	}

	private ObjectNode get(ObjectNode paths, String path, String summary, String type, List<String> own) {
		ObjectNode get = paths.putObject(path).putObject("get");
		get.put("summary", summary);
		get.put("operationId", "get" + path.replaceAll("[^A-Za-z0-9]+", "_"));
		ArrayNode parameters = get.putArray("parameters");
		own.forEach(name -> parameters.addObject().put("$ref", "#/components/parameters/" + name));
		parameters.addObject().put("$ref", "#/components/parameters/f");
		parameters.addObject().put("$ref", "#/components/parameters/municipality");
		ObjectNode responses = get.putObject("responses");
		responses.set("200", response(summary, type));
		responses.set("400", response("Felaktig parameter", "application/problem+json"));
		return get;
	}

	private ObjectNode response(String description, String type) {
		ObjectNode response = json.createObjectNode();
		response.put("description", description);
		ObjectNode content = response.putObject("content");
		content.putObject(type).putObject("schema").put("type", "object");
		if (!type.equals("application/problem+json")) {
			content.putObject("text/html").putObject("schema").put("type", "string");
		}
		return response;
	}

	private void parameters(ObjectNode parameters) {
		ObjectNode limit = parameter(parameters, "limit", "query", "Högst så många objekt per sida");
		limit.put("style", "form");
		limit.put("explode", false);
		ObjectNode limitSchema = limit.putObject("schema");
		limitSchema.put("type", "integer");
		limitSchema.put("minimum", 1);
		limitSchema.put("maximum", OgcParameters.MAX_LIMIT);
		limitSchema.put("default", OgcParameters.DEFAULT_LIMIT);
		ObjectNode offset = parameter(parameters, "offset", "query", "Hoppa över så många objekt (nästa sida)");
		offset.putObject("schema").put("type", "integer").put("minimum", 0).put("default", 0);
		ObjectNode bbox = parameter(parameters, "bbox", "query",
				"minX,minY,maxX,maxY (eller med höjder 6 tal) i axelordningen för bbox-crs");
		bbox.put("style", "form");
		bbox.put("explode", false);
		ObjectNode bboxSchema = bbox.putObject("schema");
		bboxSchema.put("type", "array");
		bboxSchema.put("minItems", 4);
		bboxSchema.put("maxItems", 6);
		bboxSchema.putObject("items").put("type", "number");
		crs(parameter(parameters, "bbox-crs", "query", "Koordinatsystemet för bbox (CRS84 om inget anges)"));
		parameter(parameters, "datetime", "query", "Ett datum eller intervall (start/slut, .. för öppet)")
			.putObject("schema").put("type", "string");
		crs(parameter(parameters, "crs", "query", "Koordinatsystemet för svaret (CRS84 om inget anges)"));
		ObjectNode featureId = parameter(parameters, "featureId", "path", "Objektets id");
		featureId.put("required", true);
		featureId.putObject("schema").put("type", "string");
		ArrayNode formats = parameter(parameters, "f", "query", "Svarets format").putObject("schema")
			.put("type", "string")
			.putArray("enum");
		formats.add("json");
		formats.add("html");
		parameter(parameters, "municipality", "query", "Kommunen (dess slug), annars standardkommunen")
			.putObject("schema").put("type", "string");
	}

	private static ObjectNode parameter(ObjectNode parameters, String name, String in, String description) {
		ObjectNode parameter = parameters.putObject(name);
		parameter.put("name", name);
		parameter.put("in", in);
		parameter.put("required", false);
		parameter.put("description", description);
		return parameter;
	}

	private static void crs(ObjectNode parameter) {
		ObjectNode schema = parameter.putObject("schema");
		schema.put("type", "string");
		schema.put("format", "uri");
		ArrayNode uris = schema.putArray("enum");
		OgcCrs.uris().forEach(uris::add);
		schema.put("default", OgcCrs.CRS84.uri());
	}

}
