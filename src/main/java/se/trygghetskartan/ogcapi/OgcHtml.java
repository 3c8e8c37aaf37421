package se.trygghetskartan.ogcapi;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import org.springframework.web.util.HtmlUtils;

/**
 * The OGC API's resources as plain HTML pages, in Swedish: headings, lists and tables a screen
 * reader reads as they stand, every text escaped, no script and no inline style (so the site's
 * Content-Security-Policy holds as it is).
 */
final class OgcHtml {

	private OgcHtml() {
	}

	static String landing(JsonNode landing) {
		StringBuilder body = new StringBuilder();
		paragraph(body, landing.path("description").asString());
		linkList(body, "Innehåll", landing.path("links"));
		return page(landing.path("title").asString(), body);
	}

	static String api(JsonNode document) {
		StringBuilder body = new StringBuilder();
		paragraph(body, document.path("info").path("description").asString());
		body.append("<h2>Adresser</h2>\n<ul>\n");
		document.path("paths").properties().forEach(path -> {
			JsonNode get = path.getValue().path("get");
			body.append("<li><code>GET ").append(escape(path.getKey())).append("</code>: ")
				.append(escape(get.path("summary").asString()));
			Set<String> names = new LinkedHashSet<>();
			get.path("parameters").forEach(parameter -> names.add(parameter.has("$ref")
					? parameter.get("$ref").asString().replace("#/components/parameters/", "")
					: parameter.path("name").asString()));
			body.append(" (parametrar: ").append(escape(String.join(", ", names))).append(")</li>\n");
		});
		body.append("</ul>\n");
		return page(document.path("info").path("title").asString(), body);
	}

	static String conformance(JsonNode conformance) {
		StringBuilder body = new StringBuilder("<ul>\n");
		conformance.path("conformsTo").forEach(uri -> body.append("<li>").append(link(uri.asString(), uri.asString()))
			.append("</li>\n"));
		body.append("</ul>\n");
		linkList(body, "Länkar", conformance.path("links"));
		return page("Standarder som uppfylls", body);
	}

	static String collections(JsonNode answer) {
		StringBuilder body = new StringBuilder(
				"<table>\n<caption>Samlingar</caption>\n<thead><tr><th scope=\"col\">Samling</th>"
						+ "<th scope=\"col\">Beskrivning</th><th scope=\"col\">Objekt</th></tr></thead>\n<tbody>\n");
		answer.path("collections").forEach(collection -> body.append("<tr><th scope=\"row\">")
			.append(link(href(collection, "self", "application/json").replace("f=json", "f=html"),
					collection.path("title").asString()))
			.append("</th><td>").append(escape(collection.path("description").asString())).append("</td><td>")
			.append(link(href(collection, "items", "text/html"), "Visa objekten")).append("</td></tr>\n"));
		body.append("</tbody>\n</table>\n");
		linkList(body, "Länkar", answer.path("links"));
		return page("Samlingar", body);
	}

	static String collection(JsonNode collection) {
		StringBuilder body = new StringBuilder();
		paragraph(body, collection.path("description").asString());
		linkList(body, "Länkar", collection.path("links"));
		body.append("<h2>Koordinatsystem</h2>\n<ul>\n");
		collection.path("crs").forEach(crs -> body.append("<li>").append(escape(crs.asString())).append("</li>\n"));
		body.append("</ul>\n<p>Lagras i ").append(escape(collection.path("storageCrs").asString())).append(".</p>\n");
		return page(collection.path("title").asString(), body);
	}

	static String queryables(JsonNode schema) {
		StringBuilder body = new StringBuilder("<dl>\n");
		schema.path("properties").properties().forEach(property -> {
			body.append("<dt>").append(escape(property.getKey())).append("</dt><dd>")
				.append(escape(property.getValue().path("type").asString()));
			if (property.getValue().has("enum")) {
				Set<String> values = new LinkedHashSet<>();
				property.getValue().get("enum").forEach(value -> values.add(value.asString()));
				body.append(": ").append(escape(String.join(", ", values)));
			}
			body.append("</dd>\n");
		});
		body.append("</dl>\n");
		return page("Egenskaper att filtrera på: " + schema.path("title").asString(), body);
	}

	static String items(String title, JsonNode collection, OgcCrs crs, Function<String, String> itemHref) {
		StringBuilder body = new StringBuilder();
		JsonNode features = collection.path("features");
		paragraph(body, "Visar " + collection.path("numberReturned").asLong() + (collection.path("numberMatched")
			.isNumber() ? " av " + collection.path("numberMatched").asLong() : "") + " objekt. Koordinater i "
				+ crs.uri() + ".");
		Set<String> columns = new LinkedHashSet<>();
		features.forEach(feature -> feature.path("properties").properties().forEach(p -> columns.add(p.getKey())));
		body.append("<table>\n<caption>").append(escape(title)).append("</caption>\n<thead><tr><th scope=\"col\">Objekt</th>");
		columns.forEach(column -> body.append("<th scope=\"col\">").append(escape(column)).append("</th>"));
		body.append("<th scope=\"col\">geometri</th></tr></thead>\n<tbody>\n");
		features.forEach(feature -> {
			String id = feature.path("id").asString();
			body.append("<tr><th scope=\"row\">").append(link(itemHref.apply(id), id))
				.append("</th>");
			columns.forEach(column -> body.append("<td>").append(escape(value(feature.path("properties").path(column))))
				.append("</td>"));
			body.append("<td>").append(escape(feature.path("geometry").path("type").asString())).append("</td></tr>\n");
		});
		body.append("</tbody>\n</table>\n");
		linkList(body, "Länkar", collection.path("links"));
		return page(title, body);
	}

	static String item(String title, JsonNode feature, OgcCrs crs) {
		StringBuilder body = new StringBuilder("<dl>\n");
		feature.path("properties").properties().forEach(property -> body.append("<dt>").append(escape(property.getKey()))
			.append("</dt><dd>").append(escape(value(property.getValue()))).append("</dd>\n"));
		body.append("</dl>\n<h2>Geometri (").append(escape(crs.uri())).append(")</h2>\n<pre>")
			.append(escape(feature.path("geometry").toString())).append("</pre>\n");
		linkList(body, "Länkar", feature.path("links"));
		return page(title + " " + feature.path("id").asString(), body);
	}

	private static String value(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private static String href(JsonNode described, String rel, String type) {
		for (JsonNode link : described.path("links")) {
			if (link.path("rel").asString().equals(rel) && link.path("type").asString().equals(type)) {
				return link.path("href").asString();
			}
		}
		return "";
	}

	private static void linkList(StringBuilder body, String heading, JsonNode links) {
		body.append("<h2>").append(escape(heading)).append("</h2>\n<ul>\n");
		links.forEach(link -> body.append("<li>")
			.append(link(link.path("href").asString(), link.path("title").asString()))
			.append(" (").append(escape(link.path("rel").asString())).append(", ")
			.append(escape(link.path("type").asString())).append(")</li>\n"));
		body.append("</ul>\n");
	}

	private static void paragraph(StringBuilder body, String text) {
		body.append("<p>").append(escape(text)).append("</p>\n");
	}

	private static String link(String href, String text) {
		return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
	}

	private static String page(String title, StringBuilder body) {
		return """
				<!DOCTYPE html>
				<html lang="sv">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%1$s – Trygghetskartan OGC API</title>
				</head>
				<body>
				<main>
				<h1>%1$s</h1>
				%2$s</main>
				</body>
				</html>
				""".formatted(escape(title), body);
	}

}
