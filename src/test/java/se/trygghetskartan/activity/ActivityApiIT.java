package se.trygghetskartan.activity;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ActivityApiIT extends ApiTest {

	long commitment() {
		long promise = planner.post("/api/promises", "{\"periodStart\":2040,\"party\":\"joint\",\"title\":\"Test\"}",
				"application/json").json().get("id").longValue();
		return planner.post("/api/commitments", """
				{"promiseId":%d,"party":"joint","text":"Trygghetsvandringar","target":{"count":1,"activity":"safety_walk"}}"""
			.formatted(promise), "application/json").json().get("id").longValue();
	}

	static String walk(String stopCoordinates, boolean published, long commitment) {
		return """
				{"type":"Feature","geometry":{"type":"LineString","coordinates":[[16.2279,58.9990],[16.2300,59.0020]]},
				 "properties":{"kind":"safety_walk","title":"Kvällsvandring","startsOn":"2026-10-01","timeOfDay":"evening",
				  "published":%s,"participants":{"residents":12,"police":2},"commitmentIds":[%d],
				  "stops":[{"geometry":{"type":"Point","coordinates":%s},"unsafe":"Mörk passage bakom affären",
				   "safe":"Nära bostäder","proposedMeasure":"Belysning i passagen","responsible":"property_owner",
				   "priority":"high","deadline":"2027-05-31"}]}}""".formatted(published, commitment, stopCoordinates);
	}

	@Test
	void aStopBecomesAPlaceWithItsProposedMeasureLinkedToTheWalkAndTheCommitment() {
		long commitment = commitment();
		Response created = planner.post("/api/activities", walk("[16.2290,58.9995]", false, commitment));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode walk = created.json();
		assertThat(walk.get("properties").get("neighbourhoods").toString()).contains("navertorp");
		long walkId = walk.get("id").longValue();
		long stopId = walk.get("properties").get("stops").get(0).get("id").longValue();

		Response outcome = planner.post("/api/activities/" + walkId + "/stops/" + stopId + "/place",
				"{\"reasons\":[\"poor_lighting\"],\"measureType\":\"lighting\"}", "application/json");

		assertThat(outcome.status()).as(outcome.toString()).isEqualTo(201);
		long placeId = outcome.json().get("placeId").longValue();
		long measureId = outcome.json().get("measureId").longValue();
		JsonNode place = planner.get("/api/places/" + placeId).json().get("properties");
		assertThat(place.get("source").stringValue()).isEqualTo("safety_walk");
		assertThat(place.get("name").stringValue()).isEqualTo("Mörk passage bakom affären");
		assertThat(place.get("neighbourhood").get("slug").stringValue()).isEqualTo("navertorp");
		assertThat(place.get("measureIds")).extracting(JsonNode::longValue).containsExactly(measureId);
		JsonNode measure = planner.get("/api/measures/" + measureId).json().get("properties");
		assertThat(measure.get("title").stringValue()).isEqualTo("Belysning i passagen");
		assertThat(measure.get("status").stringValue()).isEqualTo("proposed");
		assertThat(measure.get("owner").stringValue()).isEqualTo("property_owner");
		assertThat(measure.get("type").stringValue()).isEqualTo("lighting");
		assertThat(measure.get("commitmentIds")).extracting(JsonNode::longValue).containsExactly(commitment);
		JsonNode stop = planner.get("/api/activities/" + walkId).json().get("properties").get("stops").get(0);
		assertThat(stop.get("placeId").longValue()).isEqualTo(placeId);
		assertThat(stop.get("measureId").longValue()).isEqualTo(measureId);

		Response again = planner.post("/api/activities/" + walkId + "/stops/" + stopId + "/place", "{}",
				"application/json");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aStopOfAnUnpublishedWalkBecomesADraftPlaceAndMeasureThatKeepTheStopsTextFromThePublic() {
		long commitment = commitment();
		String text = "Otryggt under bron vid utkastvandringen";
		JsonNode walk = planner.post("/api/activities",
				walk("[16.2290,58.9995]", false, commitment).replace("Mörk passage bakom affären", text)
					.replace("Belysning i passagen", "Belysning under bron")).json();
		long walkId = walk.get("id").longValue();
		long stopId = walk.get("properties").get("stops").get(0).get("id").longValue();

		JsonNode outcome = planner.post("/api/activities/" + walkId + "/stops/" + stopId + "/place", "{}",
				"application/json").json();

		String place = "/api/places/" + outcome.get("placeId").longValue();
		String measure = "/api/measures/" + outcome.get("measureId").longValue();
		assertThat(planner.get(place).json().get("properties").get("published").booleanValue()).isFalse();
		assertThat(planner.get(measure).json().get("properties").get("published").booleanValue()).isFalse();
		assertThat(anonymous.get(place).status()).isEqualTo(404);
		assertThat(anonymous.get(measure).status()).isEqualTo(404);
		for (String path : new String[] { "/api/places?limit=10000", "/api/measures?limit=10000",
				"/api/activities?limit=10000", "/api/activities/" + walkId, "/api/neighbourhoods/navertorp/summary",
				"/api/periods/2040" }) {
			Response answer = anonymous.get(path);
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(answer.body()).as(path).doesNotContain(text).doesNotContain("Belysning under bron");
		}
		JsonNode publicWalk = anonymous.get("/api/activities/" + walkId).json().get("properties");
		assertThat(publicWalk.get("placeIds")).isEmpty();
		assertThat(publicWalk.get("measureIds")).isEmpty();
		assertThat(planner.get("/api/activities/" + walkId).json().get("properties").get("placeIds"))
			.extracting(JsonNode::longValue)
			.containsExactly(outcome.get("placeId").longValue());
	}

	@Test
	void aStopOfAPublishedWalkBecomesAPublishedPlaceAndMeasure() {
		JsonNode walk = planner.post("/api/activities", walk("[16.2290,58.9995]", true, commitment())).json();
		long stopId = walk.get("properties").get("stops").get(0).get("id").longValue();

		JsonNode outcome = planner.post("/api/activities/" + walk.get("id").longValue() + "/stops/" + stopId + "/place",
				"{}", "application/json").json();

		assertThat(anonymous.get("/api/places/" + outcome.get("placeId").longValue()).status()).isEqualTo(200);
		assertThat(anonymous.get("/api/measures/" + outcome.get("measureId").longValue()).status()).isEqualTo(200);
	}

	@Test
	void stopsArePublicOnlyOnceTheProtocolIsPublished() {
		long commitment = commitment();
		JsonNode draft = planner.post("/api/activities", walk("[16.2290,58.9995]", false, commitment)).json();
		String location = "/api/activities/" + draft.get("id").longValue();

		assertThat(anonymous.get(location).json().get("properties").get("stops").isNull()).isTrue();
		assertThat(anonymous.get(location).json().get("properties").get("stopCount").intValue()).isEqualTo(1);
		assertThat(planner.get(location).json().get("properties").get("stops")).hasSize(1);

		JsonNode stop = planner.get(location).json().get("properties").get("stops").get(0);
		String published = walk("[16.2290,58.9995]", true, commitment)
			.replace("\"stops\":[{", "\"stops\":[{\"id\":" + stop.get("id").longValue() + ",");
		Response update = planner.put(location, published, "\"0\"");
		assertThat(update.status()).as(update.toString()).isEqualTo(200);
		JsonNode publicStops = anonymous.get(location).json().get("properties").get("stops");
		assertThat(publicStops).hasSize(1);
		assertThat(publicStops.get(0).get("id").longValue()).as("the stop kept its id").isEqualTo(stop.get("id").longValue());
	}

	@Test
	void badActivitiesAreRefusedAndNothingIsStored() {
		long commitment = commitment();
		long before = count("activity") + count("walk_stop");

		Response stopOutside = planner.post("/api/activities", walk("[18.0686,59.3293]", false, commitment));
		Response endBeforeStart = planner.post("/api/activities", """
				{"type":"Feature","geometry":null,"properties":{"kind":"dialogue","title":"Dialog",
				 "startsOn":"2026-05-10","endsOn":"2026-05-01","neighbourhoods":["norr"]}}""");
		Response operationWithoutArea = planner.post("/api/activities", """
				{"type":"Feature","geometry":null,"properties":{"kind":"police_operation","title":"Insats",
				 "startsOn":"2026-05-10","operationKind":"dog_search"}}""");
		Response unknownDistrict = planner.post("/api/activities", """
				{"type":"Feature","geometry":null,"properties":{"kind":"dialogue","title":"Dialog",
				 "startsOn":"2026-05-10","neighbourhoods":["atlantis"]}}""");
		Response negativeParticipants = planner.post("/api/activities", """
				{"type":"Feature","geometry":null,"properties":{"kind":"dialogue","title":"Dialog",
				 "startsOn":"2026-05-10","participants":{"residents":-3}}}""");

		assertThat(stopOutside.status()).isEqualTo(422);
		assertThat(stopOutside.body()).contains("properties.stops[0].geometry.coordinates")
			.contains("\"code\":\"outside_extent\"");
		assertThat(endBeforeStart.status()).isEqualTo(422);
		assertThat(endBeforeStart.body()).contains("properties.endsOn");
		assertThat(operationWithoutArea.status()).isEqualTo(422);
		assertThat(operationWithoutArea.body()).contains("\"code\":\"operation_needs_area\"");
		assertThat(unknownDistrict.status()).isEqualTo(422);
		assertThat(unknownDistrict.body()).contains("atlantis");
		assertThat(negativeParticipants.status()).isEqualTo(422);
		assertThat(count("activity") + count("walk_stop")).isEqualTo(before);
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void aStopLeftToItsOwnWordsBecomesANamedPlaceWithReasonsAndAMeasureTypeFromThem() {
		String stops = """
				"stops":[{"geometry":{"type":"Point","coordinates":[16.2290,58.9995]},
				  "unsafe":"Mörk gångtunnel under Vasavägen; buskarna skymmer sikten och det är mycket klotter",
				  "proposedMeasure":"Röj buskarna och byt armaturerna i tunneln"}]""";
		JsonNode walk = planner.post("/api/activities", walk("[16.2290,58.9995]", false, commitment())
			.replaceAll("(?s)\"stops\":\\[.*\\]\\}\\}$", stops + "}}")).json();
		long walkId = walk.get("id").longValue();
		long stopId = walk.get("properties").get("stops").get(0).get("id").longValue();
		String stop = "/api/activities/" + walkId + "/stops/" + stopId;

		Response suggestion = planner.get(stop + "/suggestion");

		assertThat(suggestion.status()).as(suggestion.toString()).isEqualTo(200);
		assertThat(suggestion.json().get("name").stringValue()).isEqualTo("Mörk gångtunnel under Vasavägen");
		assertThat(suggestion.json().get("reasons")).extracting(JsonNode::stringValue)
			.containsExactly("poor_lighting", "overgrown_vegetation", "poor_visibility", "vandalism");
		assertThat(suggestion.json().get("measureType").stringValue()).as("röj comes before armatur")
			.isEqualTo("vegetation");
		assertThat(anonymous.get(stop + "/suggestion").status()).as("an unpublished walk's words").isEqualTo(401);
		assertThat(anonymous.as("police", "police").get(stop + "/suggestion").status()).isEqualTo(403);
		assertThat(planner.get("/api/activities/" + walkId + "/stops/999999/suggestion").status()).isEqualTo(404);

		JsonNode outcome = planner.post(stop + "/place", "{}", "application/json").json();

		JsonNode place = planner.get("/api/places/" + outcome.get("placeId").longValue()).json().get("properties");
		assertThat(place.get("name").stringValue()).isEqualTo("Mörk gångtunnel under Vasavägen");
		assertThat(place.get("reasons")).extracting(JsonNode::stringValue)
			.containsExactlyInAnyOrder("poor_lighting", "overgrown_vegetation", "poor_visibility", "vandalism");
		JsonNode measure = planner.get("/api/measures/" + outcome.get("measureId").longValue()).json().get("properties");
		assertThat(measure.get("type").stringValue()).isEqualTo("vegetation");
		assertThat(measure.get("title").stringValue()).isEqualTo("Röj buskarna och byt armaturerna i tunneln");
	}

}
