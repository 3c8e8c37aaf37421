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

	private final EditableCollections editable;

	OgcApiDefinition(JsonMapper json, EditableCollections editable) {
		this.json = json;
		this.editable = editable;
	}

	ObjectNode document(String base, List<OgcCollection> collections) {
		ObjectNode document = json.createObjectNode();
		document.put("openapi", "3.0.3");
		ObjectNode info = document.putObject("info");
		info.put("title", "Trygghetskartan – OGC API – Features");
		info.put("version", "1.0.0");
		info.put("description", "Otrygga platser, åtgärder, områden, aktiviteter och brottsstatistik per kommun "
				+ "(under /kortnamn/ogc, eller /ogc med municipality=kortnamn, annars standardkommunen). "
				+ "Del 1 (Core), del 2 (CRS) och del 4 (ändra).");
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
			if (editable.get(collection.id()) != null) {
				writes(paths, path, collection.title());
			}
		}
		ObjectNode components = document.putObject("components");
		parameters(components.putObject("parameters"));
		ObjectNode basic = components.putObject("securitySchemes").putObject("basic");
		basic.put("type", "http");
		basic.put("scheme", "basic");
		basic.put("description", "Användarnamn och lösenord, eller personlig åtkomsttoken som lösenord");
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

	// Part 4: planners create, replace, update (merge patch) and delete; the body's CRS is Content-Crs's.
	private void writes(ObjectNode paths, String path, String title) {
		ObjectNode create = write((ObjectNode) paths.get(path + "/items"), "post", title + ": skapa ett objekt",
				path + "/items", "application/geo+json", List.of("municipality"));
		ObjectNode created = response("Skapat; Location pekar ut det", null);
		created.putObject("headers").putObject("Location").putObject("schema").put("type", "string");
		((ObjectNode) create.get("responses")).set("201", created);
		String itemPath = path + "/items/{featureId}";
		ObjectNode item = (ObjectNode) paths.get(itemPath);
		List<String> own = List.of("featureId", "If-Match");
		write(item, "put", title + ": ersätt ett objekt", itemPath, "application/geo+json", own);
		write(item, "patch", title + ": ändra ett objekt (JSON merge patch)", itemPath,
				OgcItemEditController.MERGE_PATCH_VALUE, own);
		write(item, "delete", title + ": ta bort ett objekt", itemPath, null, own);
	}

	private ObjectNode write(ObjectNode pathItem, String method, String summary, String path, String bodyType,
			List<String> own) {
		ObjectNode operation = pathItem.putObject(method);
		operation.put("summary", summary);
		operation.put("operationId", method + path.replaceAll("[^A-Za-z0-9]+", "_"));
		operation.putArray("security").addObject().putArray("basic");
		ArrayNode parameters = operation.putArray("parameters");
		own.forEach(name -> parameters.addObject().put("$ref", "#/components/parameters/" + name));
		if (bodyType != null) {
			parameters.addObject().put("$ref", "#/components/parameters/Content-Crs");
			ObjectNode body = operation.putObject("requestBody");
			body.put("required", true);
			body.putObject("content").putObject(bodyType).putObject("schema").put("type", "object");
		}
		ObjectNode responses = operation.putObject("responses");
		responses.set("204", response("Ändrat; ETag är den nya versionen", null));
		responses.set("401", response("Inte inloggad", "application/problem+json"));
		responses.set("403", response("Inte planerare i kommunen", "application/problem+json"));
		responses.set("404", response("Inget objekt med det id:t", "application/problem+json"));
		responses.set("412", response("If-Match anger inte den senaste versionen", "application/problem+json"));
		responses.set("422", response("Objektet är felaktigt (vad som är fel står i errors)", "application/problem+json"));
		return operation;
	}

	private ObjectNode response(String description, String type) {
		ObjectNode response = json.createObjectNode();
		response.put("description", description);
		if (type == null) {
			return response;
		}
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
		parameter(parameters, "municipality", "query",
				"Kommunen (dess kortnamn) under /ogc, annars standardkommunen; under /kortnamn/ogc överflödig")
			.putObject("schema").put("type", "string");
		parameter(parameters, "Content-Crs", "header",
				"Koordinatsystemet för kroppens koordinater, en URI med eller utan <>, i dess axelordning (CRS84 om inget anges)")
			.putObject("schema").put("type", "string");
		parameter(parameters, "If-Match", "header", "Versionen (ETag) som ändras; utan den ändras den senaste")
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
