package se.trygghetskartan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.account.AccountService;
import se.trygghetskartan.account.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What every public answer leaves out, walked over every GET the API document lists. */
@IntegrationTest
class PublicAnswersIT {

	/** A planner with a name no answer has a reason to contain. */
	static final String STAFF = "kerstin.lindqvist";

	/** Who loaded the demo data: staff too, as far as the public is concerned. */
	static final String DEMO_USER = "demo-data";

	static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Test
	void noAnonymousAnswerCarriesTheNameOfStaffWhileStaffSeeWhoMadeAndChangedWhat() {
		if (!accounts.exists(STAFF)) {
			accounts.create(STAFF, "hemligt", List.of(Role.PLANNER));
		}
		ApiClient anonymous = new ApiClient(port);
		ApiClient staff = anonymous.as(STAFF, "hemligt");
		Map<String, Long> ids = itemsMadeBy(staff);

		Map<String, Integer> statuses = new TreeMap<>();
		JsonNode paths = anonymous.get("/api/openapi").json().get("paths");
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			if (!path.getValue().has("get")) {
				continue;
			}
			String url = filledIn(path.getKey(), ids);
			Response answer = anonymous.get(url);
			statuses.put(path.getKey(), answer.status());
			assertThat(answer.status()).as(url).as("public, or for staff only").isIn(200, 401);
			assertThat(answer.body()).as(url).doesNotContain(STAFF).doesNotContain(DEMO_USER);
			assertThat(answer.raw().headers().map().toString()).as(url).doesNotContain(STAFF);
		}
		assertThat(statuses).as("the walk reached the items and the collections")
			.containsEntry("/api/places/{id}", 200)
			.containsEntry("/api/measures/{id}", 200)
			.containsEntry("/api/activities/{id}", 200)
			.containsEntry("/api/promises/{id}", 200)
			.containsEntry("/api/commitments/{id}", 200)
			.containsEntry("/api/places", 200)
			.containsEntry("/api/measures", 200)
			.containsEntry("/api/activities", 200)
			.containsEntry("/api/survey-results", 200)
			.containsEntry("/api/places/clusters", 200)
			.containsEntry("/api/measures/clusters", 200);

		JsonNode place = staff.get("/api/places/" + ids.get("places")).json().get("properties");
		assertThat(place.get("createdBy").stringValue()).isEqualTo(STAFF);
		assertThat(place.get("updatedBy").stringValue()).isEqualTo(STAFF);
		assertThat(anonymous.as("police", "police").get("/api/measures/" + ids.get("measures")).json()
			.get("properties").get("createdBy").stringValue()).as("the police are staff").isEqualTo(STAFF);
		assertThat(anonymous.as("planner", "planner").get("/api/activities/" + ids.get("activities")).json()
			.get("properties").get("createdBy").stringValue()).isEqualTo(STAFF);
		assertThat(staff.get("/api/places/" + ids.get("places") + "/history").json().get(0).get("changedBy").stringValue())
			.isEqualTo(STAFF);
	}

	private static String followToken;

	/** A published place, its measure, a safety walk whose stop became a place, a promise and its commitment. */
	private static Map<String, Long> itemsMadeBy(ApiClient staff) {
		long place = created(staff.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2320,58.9985]},
				 "properties":{"name":"Namnlös plats","reasons":["other"],"source":"resident"}}"""));
		long measure = created(staff.post("/api/measures", """
				{"type":"Feature","geometry":null,"properties":{"title":"Namnlös åtgärd","type":"other",
				 "owner":"municipality","status":"done","placeIds":[%d]}}""".formatted(place)));
		long promise = created(staff.post("/api/promises",
				"{\"periodStart\":2041,\"party\":\"joint\",\"title\":\"Namnlöst löfte\"}", "application/json"));
		long commitment = created(staff.post("/api/commitments",
				"{\"promiseId\":%d,\"party\":\"joint\",\"text\":\"Namnlös löftespunkt\"}".formatted(promise),
				"application/json"));
		JsonNode walk = staff.post("/api/activities", """
				{"type":"Feature","geometry":{"type":"LineString","coordinates":[[16.2279,58.9990],[16.2300,59.0020]]},
				 "properties":{"kind":"safety_walk","title":"Namnlös vandring","startsOn":"2041-05-01","published":true,
				  "commitmentIds":[%d],"measureIds":[%d],"stops":[{"geometry":{"type":"Point","coordinates":[16.2290,58.9995]},
				  "unsafe":"Mörkt","proposedMeasure":"Lampa"}]}}""".formatted(commitment, measure)).json();
		long walkId = walk.get("id").longValue();
		long stopId = walk.get("properties").get("stops").get(0).get("id").longValue();
		staff.post("/api/activities/" + walkId + "/stops/" + stopId + "/place", "{}", "application/json");
		// A resident's report, handled by staff: its follow link names no one.
		Response report = staff.post("/api/reports", """
				{"location":{"type":"Point","coordinates":[16.2320,58.9985]},"reasons":["other"]}""", "application/json");
		String follow = report.json().get("followUrl").stringValue();
		followToken = follow.substring(follow.lastIndexOf('/') + 1);
		return Map.of("places", place, "measures", measure, "activities", walkId, "promises", promise, "commitments",
				commitment, "stops", stopId);
	}

	private static long created(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").longValue();
	}

	/** The path with its variables filled in by these items; a variable the walk does not know fails. */
	private static String filledIn(String path, Map<String, Long> ids) {
		Matcher variables = PATH_VARIABLE.matcher(path);
		StringBuilder url = new StringBuilder();
		while (variables.find()) {
			String value = switch (variables.group(1)) {
				case "id" -> String.valueOf(ids.getOrDefault(path.split("/")[2], 1L));
				case "stopId" -> String.valueOf(ids.get("stops"));
				case "slug" -> path.startsWith("/api/municipalities/") || path.contains("/ogc") ? "katrineholm" : "navertorp";
				case "period" -> "2041";
				case "collection" -> "places";
				case "username" -> "admin";
				case "layer" -> "places";
				case "z", "x", "y" -> "0";
				case "token" -> followToken;
				case "format" -> "geojson";
				case "collectionId" -> "places";
				case "featureId" -> String.valueOf(ids.get("places"));
				default -> fail("The walk does not know what to put for " + variables.group() + " in " + path);
			};
			variables.appendReplacement(url, value);
		}
		variables.appendTail(url);
		// Counts need a view to count in, as a map asks for them: the whole municipality, far out.
		if (path.endsWith("/nearby")) {
			url.append("?lon=16.2320&lat=58.9985");
		}
		if (path.endsWith("/clusters")) {
			url.append("?bbox=15.70,58.75,16.65,59.30&zoom=12");
		}
		return url.toString();
	}

}
