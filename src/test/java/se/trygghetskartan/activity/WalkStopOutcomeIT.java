package se.trygghetskartan.activity;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What became of a walk's stops: a stop names its place on the map, and the protocol shows its measures. */
@IntegrationTest
class WalkStopOutcomeIT extends ApiTest {

	long place(String name) {
		return created(planner.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2262,58.9992]},
				 "properties":{"name":"%s","reasons":["poor_lighting"],"source":"safety_walk"}}""".formatted(name)));
	}

	long measure(String title, String status, boolean published, long place) {
		return created(planner.post("/api/measures", """
				{"type":"Feature","geometry":null,"properties":{"title":"%s","type":"lighting","owner":"municipality",
				 "status":"%s","placeIds":[%d],"published":%s}}""".formatted(title, status, place, published)));
	}

	static String walk(String stopLinks) {
		return """
				{"type":"Feature","geometry":{"type":"LineString","coordinates":[[16.2255,58.9990],[16.2270,58.9995]]},
				 "properties":{"kind":"safety_walk","title":"Vandring vid gångbron","startsOn":"2026-09-15",
				  "published":true,"stops":[{"geometry":{"type":"Point","coordinates":[16.2262,58.9992]},
				   "unsafe":"Mörkt vid gångbron"%s}]}}""".formatted(stopLinks);
	}

	@Test
	void aStopNamesItsPlaceAndThePublicProtocolShowsThePlaceAndItsPublishedMeasuresWithTheirStatus() {
		long place = place("Gångbron vid ån");
		long lit = measure("Belysning på gångbron", "in_progress", true, place);
		long draft = measure("Utkast: kamera vid gångbron", "proposed", false, place);
		Response created = planner.post("/api/activities", walk(",\"placeId\":" + place));
		long walk = created(created);

		JsonNode stop = anonymous.get("/api/activities/" + walk).json().get("properties").get("stops").get(0);

		assertThat(stop.get("placeId").longValue()).isEqualTo(place);
		assertThat(stop.get("place").get("name").stringValue()).isEqualTo("Gångbron vid ån");
		assertThat(stop.get("place").get("status").stringValue()).isEqualTo("open");
		assertThat(stop.get("measures")).extracting(m -> m.get("id").longValue()).containsExactly(lit);
		assertThat(stop.get("measures").get(0).get("title").stringValue()).isEqualTo("Belysning på gångbron");
		assertThat(stop.get("measures").get(0).get("status").stringValue()).isEqualTo("in_progress");
		assertThat(stop.get("measures").get(0).get("type").stringValue()).isEqualTo("lighting");
		JsonNode staffStop = planner.get("/api/activities/" + walk).json().get("properties").get("stops").get(0);
		assertThat(staffStop.get("measures")).extracting(m -> m.get("id").longValue()).containsExactly(lit, draft);

		// Saved again without the link (as the planners' form sends a stop), the stop keeps its place.
		Response edited = planner.put("/api/activities/" + walk, walk(",\"id\":" + staffStop.get("id").longValue()),
				created.header("ETag"));
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().get("properties").get("stops").get(0).get("placeId").longValue()).isEqualTo(place);
	}

	@Test
	void aStopNamingAPlaceOrMeasureThatDoesNotExistIsRefusedAndNothingIsStored() {
		long before = activities();

		Response response = planner.post("/api/activities", walk(",\"placeId\":999998,\"measureId\":999997"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors")).extracting(e -> e.get("field").stringValue() + " " + e.get("reason").stringValue())
			.containsExactly("properties.stops[0].placeId Det finns ingen plats med id 999998.",
					"properties.stops[0].measureId Det finns ingen åtgärd med id 999997.");
		assertThat(activities()).isEqualTo(before);
	}

	long activities() {
		return planner.get("/api/activities?limit=1").json().get("numberMatched").longValue();
	}

}
