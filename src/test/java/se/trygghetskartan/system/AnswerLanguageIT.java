package se.trygghetskartan.system;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem, whoever answers it (a controller, a filter, Spring Security, Tomcat), has a code and
 * says what is wrong in the language asked for, Swedish unless English, and says which
 * (Content-Language); the pages are Swedish documents and say so.
 */
@IntegrationTest
class AnswerLanguageIT {

	@LocalServerPort
	int port;

	/** A request, and what its answer must be: status, code, and the detail in Swedish and in English. */
	record Case(String what, Function<ApiClient, Response> request, int status, String code, String swedish,
			String english) {
	}

	@Test
	void everyProblemHasACodeAndSaysItInTheLanguageAskedFor() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String feature = """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2301,58.9981]},
				 "properties":{"name":"Språkprov","reasons":["other"],"source":"other"}}""";
		Response created = planner.post("/api/places", feature);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String place = created.header("Location");
		String changed = feature.replace("Språkprov", "Språkprov, ändrad");
		planner.post("/api/incident-sources", "{\"name\":\"Språkprovets källa\"}", "application/json");

		List<Case> cases = List.of(
				new Case("a bbox of three numbers", client -> client.get("/api/places?bbox=1,2,3"), 400,
						"invalid_parameter", "Behöver fyra tal: minLon,minLat,maxLon,maxLat.",
						"Needs four numbers: minLon,minLat,maxLon,maxLat."),
				new Case("an unknown status in a filter", client -> client.get("/api/places?status=closed"), 400,
						"invalid_parameter",
						"”closed” är inte något av de tillåtna värdena: open, being_addressed, resolved.",
						"'closed' is not one of open, being_addressed, resolved."),
				new Case("a page of no places", client -> client.get("/api/places?limit=0"), 400, "invalid_parameter",
						"Ska vara minst 1.", "Must be at least 1."),
				new Case("a place that is not there", client -> client.get("/api/places/987654321"), 404, "not_found",
						"Hittades inte (id 987654321).", "Not found (id 987654321)."),
				new Case("a change without If-Match", client -> client.as("planner", "planner").put(place, changed, null),
						428, "if_match_required",
						"Skicka If-Match med den ETag du läste (hämta resursen först), så att ingens ändring skrivs över.",
						"Send If-Match with the ETag you read (GET the resource first), so that nobody's change is overwritten."),
				new Case("a change of an old version", client -> client.as("planner", "planner").put(place, changed, "\"7\""),
						412, "version_stale",
						"Någon annan hann spara först (version 0; du ändrade version 7). Läs in den igen och gör din ändring en gång till.",
						"Version 7 is stale: someone else saved version 0 first. Reload it, then apply your change again."),
				new Case("a source that exists", client -> client.as("planner", "planner").post("/api/incident-sources",
						"{\"name\":\"SPRÅKPROVETS KÄLLA\"}", "application/json"), 409, "source_exists",
						"Det finns redan en källa ”Språkprovets källa”: välj den när du importerar.",
						"There is already a source 'Språkprovets källa': choose it when importing."),
				new Case("a body over 1 MB", client -> client.as("planner", "planner").post("/api/places",
						"{\"description\":\"" + "x".repeat(1_100_000) + "\"}"), 413, "payload_too_large",
						"Innehållet är större än 1048576 byte. Skicka mindre, eller dela upp det i flera anrop.",
						"The request body is larger than 1048576 bytes. Send less, or split it into several requests."),
				new Case("a body as text", client -> client.as("planner", "planner").post("/api/places", "{}", "text/plain"),
						415, "unsupported_media_type",
						"Innehållstypen text/plain tas inte emot här; skicka application/geo+json, application/json.",
						"Content-Type text/plain is not supported here; send application/geo+json, application/json."),
				new Case("a change by nobody", client -> client.post("/api/places", "{}"), 401, "login_required",
						"Logga in först: i webbläsaren med inloggningsformuläret, från skript med HTTP Basic.",
						"Log in first: in the browser with the login form, from scripts with HTTP Basic."),
				new Case("a NUL in the path, refused by Tomcat", client -> client.get("/api/places/%00"), 400,
						"invalid_parameter", "Innehåller ett otillåtet tecken (NUL).",
						"Contains a NUL character, which is not allowed."));

		for (Case test : cases) {
			for (String asked : new String[] { null, "sv-SE,sv;q=0.9", "en-US,en;q=0.8" }) {
				Response response = test.request().apply(new ApiClient(port).language(asked));
				boolean english = asked != null && asked.startsWith("en");
				String what = test.what() + ", Accept-Language " + asked + ": " + response;
				assertThat(response.status()).as(what).isEqualTo(test.status());
				assertThat(response.contentType()).as(what).startsWith("application/problem+json");
				assertThat(response.header("Content-Language")).as(what).isEqualTo(english ? "en" : "sv");
				JsonNode problem = response.json();
				assertThat(problem.path("code").asString()).as(what).isEqualTo(test.code());
				assertThat(problem.path("detail").asString()).as(what).isEqualTo(english ? test.english() : test.swedish());
				assertThat(problem.path("title").asString()).as(what).isNotBlank();
			}
		}
		planner.delete(place, "\"0\"");
	}

	@Test
	void parameterErrorsCarryTheirCodeAndArguments() {
		JsonNode error = new ApiClient(port).get("/api/places?status=closed").json().get("errors").get(0);

		assertThat(error.get("field").stringValue()).isEqualTo("status");
		assertThat(error.get("code").stringValue()).isEqualTo("not_one_of");
		assertThat(error.get("args").get("value").stringValue()).isEqualTo("closed");
		assertThat(error.get("args").get("allowed")).extracting(JsonNode::stringValue)
			.containsExactly("open", "being_addressed", "resolved");
	}

	@Test
	void thePagesAreSwedishDocumentsAndSaySo() {
		for (String page : List.of("/", "/uppfoljning", "/login")) {
			Response response = new ApiClient(port).language("en").get(page);
			assertThat(response.status()).as(page).isEqualTo(200);
			assertThat(response.header("Content-Language")).as(page).isEqualTo("sv");
			assertThat(response.body()).as(page).contains("<html lang=\"sv\">");
		}
		assertThat(new ApiClient(port).get("/js/app.js").header("Content-Language")).as("a script is no page").isNull();
	}

}
