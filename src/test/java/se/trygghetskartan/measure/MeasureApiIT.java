package se.trygghetskartan.measure;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MeasureApiIT extends ApiTest {

	long placeInNavertorp(String name) {
		return planner.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[16.2300,58.9975],[16.2315,58.9975],
				[16.2315,58.9983],[16.2300,58.9983],[16.2300,58.9975]]]},
				"properties":{"name":"%s","reasons":["poor_lighting"],"source":"safety_walk"}}""".formatted(name))
			.json()
			.get("id")
			.longValue();
	}

	static String measure(String title, String status, String extra, String geometry, long... placeIds) {
		StringBuilder ids = new StringBuilder();
		for (long id : placeIds) {
			ids.append(ids.isEmpty() ? "" : ",").append(id);
		}
		return """
				{"type":"Feature","geometry":%s,"properties":{"title":"%s","type":"lighting","owner":"municipality",
				"status":"%s","placeIds":[%s]%s}}""".formatted(geometry, title, status, ids, extra);
	}

	@Test
	void measureLinkedToAPlaceInNavertorpAppearsInTheDistrictSummaryUnderItsStatus() {
		long place = placeInNavertorp("Mörk gång");

		Response created = planner.post("/api/measures", measure("Ny belysning i gången", "planned",
				",\"plannedStart\":\"2027-03-01\",\"plannedEnd\":\"2027-05-31\"", "null", place));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").longValue();
		JsonNode props = created.json().get("properties");
		assertThat(props.get("placeIds")).extracting(JsonNode::longValue).containsExactly(place);
		assertThat(props.get("geometrySource").stringValue()).isEqualTo("places");
		assertThat(created.json().get("geometry").get("type").stringValue()).isEqualTo("Polygon");

		JsonNode summary = anonymous.get("/api/neighbourhoods/navertorp/summary").json();
		assertThat(summary.get("measuresByStatus").get("planned").get("features"))
			.extracting(f -> f.get("id").longValue())
			.contains(id);
		assertThat(summary.get("measuresByStatus").get("done").get("features"))
			.extracting(f -> f.get("id").longValue())
			.doesNotContain(id);
		assertThat(summary.get("places").get("features")).extracting(f -> f.get("id").longValue()).contains(place);

		assertThat(anonymous.get("/api/places/" + place).json().get("properties").get("measureIds"))
			.extracting(JsonNode::longValue)
			.containsExactly(id);
	}

	@Test
	void aDraftMeasureIsAbsentForThePublicFromListsLinksSummariesAndEvaluationsButStaffSeeIt() {
		long place = placeInNavertorp("Plats med en utkastad åtgärd");
		Response created = planner.post("/api/measures",
				measure("Utkast till belysning", "done", ",\"published\":false", "null", place));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").longValue();
		String location = created.header("Location");

		assertThat(anonymous.get(location).status()).isEqualTo(404);
		assertThat(anonymous.get(location + "/evaluation?months=12").status()).isEqualTo(404);
		assertThat(anonymous.get("/api/measures?neighbourhood=navertorp&limit=10000").body())
			.doesNotContain("Utkast till belysning");
		assertThat(anonymous.get("/api/neighbourhoods/navertorp/summary").body()).doesNotContain("Utkast till belysning");
		assertThat(anonymous.get("/api/places/" + place).json().get("properties").get("measureIds")).isEmpty();

		assertThat(planner.get(location).json().get("properties").get("published").booleanValue()).isFalse();
		assertThat(planner.get(location + "/evaluation?months=12").status()).isEqualTo(200);
		assertThat(planner.get("/api/neighbourhoods/navertorp/summary").body()).contains("Utkast till belysning");
		assertThat(planner.get("/api/places/" + place).json().get("properties").get("measureIds"))
			.extracting(JsonNode::longValue)
			.containsExactly(id);
	}

	@Test
	void aDraftPlaceShowsThroughNeitherTheLinksNorTheGeometryOfAPublishedMeasure() {
		long published = placeInNavertorp("Publicerad plats vid åtgärden");
		long draft = planner.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2500,59.0100]},
				 "properties":{"name":"Utkast långt bort","reasons":["other"],"source":"resident","published":false}}""")
			.json()
			.get("id")
			.longValue();
		long id = planner.post("/api/measures", measure("Belysning på två ställen", "planned", "", "null", published, draft))
			.json()
			.get("id")
			.longValue();
		String aroundTheDraft = "/api/measures?bbox=16.2495,59.0095,16.2505,59.0105";

		JsonNode seen = anonymous.get("/api/measures/" + id).json();
		assertThat(seen.get("properties").get("placeIds")).extracting(JsonNode::longValue).containsExactly(published);
		assertThat(seen.get("geometry").get("type").stringValue()).as("the published place's polygon alone")
			.isEqualTo("Polygon");
		assertThat(seen.toString()).doesNotContain("16.25,");
		assertThat(anonymous.get(aroundTheDraft).json().get("features")).extracting(f -> f.get("id").longValue())
			.doesNotContain(id);

		JsonNode whole = planner.get("/api/measures/" + id).json();
		assertThat(whole.get("properties").get("placeIds")).extracting(JsonNode::longValue)
			.containsExactly(published, draft);
		assertThat(whole.get("geometry").get("type").stringValue()).isEqualTo("GeometryCollection");
		assertThat(planner.get(aroundTheDraft).json().get("features")).extracting(f -> f.get("id").longValue())
			.contains(id);
	}

	@Test
	void ownGeometryWinsOverThePlaces() {
		long place = placeInNavertorp("Torghörn");

		Response created = planner.post("/api/measures",
				measure("Kamera", "proposed", "", "{\"type\":\"Point\",\"coordinates\":[16.2305,58.9978]}", place));

		assertThat(created.json().get("geometry").get("type").stringValue()).isEqualTo("Point");
		assertThat(created.json().get("properties").get("geometrySource").stringValue()).isEqualTo("own");
	}

	@Test
	void statusChangeToDoneRecordsTheCompletionDate() {
		long place = placeInNavertorp("Snart klart");
		String location = planner.post("/api/measures", measure("Röjning", "in_progress", "", "null", place))
			.header("Location");

		Response done = planner.put(location,
				measure("Röjning", "done", ",\"completedOn\":\"2026-10-01\"", "null", place), "\"0\"");

		assertThat(done.status()).isEqualTo(200);
		assertThat(done.json().get("properties").get("completedOn").stringValue()).isEqualTo("2026-10-01");
		JsonNode lastChange = planner.get(location + "/history").json().get(1).get("changes");
		assertThat(lastChange.get("status").get("from").stringValue()).isEqualTo("in_progress");
		assertThat(lastChange.get("status").get("to").stringValue()).isEqualTo("done");
	}

	@Test
	void filtersByStatusTypeOwnerAndNeighbourhood() {
		JsonNode cameras = anonymous.get("/api/measures?type=camera&owner=joint").json();
		assertThat(cameras.get("numberMatched").intValue()).isGreaterThanOrEqualTo(2);
		cameras.get("features").forEach(f -> {
			assertThat(f.get("properties").get("type").stringValue()).isEqualTo("camera");
			assertThat(f.get("properties").get("owner").stringValue()).isEqualTo("joint");
		});
		JsonNode doneInNorr = anonymous.get("/api/measures?neighbourhood=norr&status=done").json();
		assertThat(doneInNorr.get("features")).isNotEmpty();
		doneInNorr.get("features").forEach(f -> assertThat(f.get("properties").get("neighbourhoods").toString())
			.contains("\"norr\""));
		assertThat(anonymous.get("/api/measures?type=drone").status()).isEqualTo(400);
	}

	@Test
	void measureLinkedToAPlaceThatDoesNotExistIsRefused() {
		long before = measures();

		Response response = planner.post("/api/measures", measure("Spöke", "proposed", "", "null", 999_999));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("code").stringValue()).isEqualTo("unknown_places");
		assertThat(response.json().get("errors").get(0).get("reason").stringValue())
			.isEqualTo("Det finns ingen plats med id 999999.");
		assertThat(measures()).isEqualTo(before);
	}

	@Test
	void rejectedMeasureNeedsAReason() {
		long place = placeInNavertorp("Avslag");
		long before = measures();

		Response response = planner.post("/api/measures", measure("Avslås", "rejected", "", "null", place));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("properties.rejectionReason");
		assertThat(measures()).isEqualTo(before);
		assertThat(planner.post("/api/measures",
				measure("Avslås", "rejected", ",\"rejectionReason\":\"Inte proportionerligt\"", "null", place))
			.status()).isEqualTo(201);
	}

	@Test
	void plannedEndBeforeStartAndMeasuresWithNowhereToBeAreRefused() {
		long place = placeInNavertorp("Datum");
		long before = measures();

		Response backwards = planner.post("/api/measures",
				measure("Baklänges", "planned", ",\"plannedStart\":\"2027-05-01\",\"plannedEnd\":\"2027-04-01\"", "null",
						place));
		Response nowhere = planner.post("/api/measures", measure("Ingenstans", "planned", "", "null"));
		Response badType = planner.post("/api/measures",
				measure("Fel typ", "planned", "", "null", place).replace("\"lighting\"", "\"drone\""));
		Response badDate = planner.post("/api/measures",
				measure("Fel datum", "planned", ",\"plannedStart\":\"2027-13-45\"", "null", place));

		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.body()).contains("properties.plannedEnd");
		assertThat(nowhere.status()).isEqualTo(422);
		assertThat(nowhere.body()).contains("\"code\":\"place_or_geometry_required\"");
		assertThat(badType.status()).isEqualTo(422);
		assertThat(badType.body()).contains("\"code\":\"not_one_of\"").contains("”drone” är inte något av");
		assertThat(badDate.status()).isEqualTo(422);
		assertThat(measures()).isEqualTo(before);
	}

	private long measures() {
		return jdbc.sql("SELECT count(*) FROM measure").query(Long.class).single();
	}

	@Test
	void aMeasureMarkedDoneSetsItsPlacesStatusInTheSameStepAndEachPlaceRecordsIt() {
		long resolved = placeInNavertorp("Gången som blir åtgärdad");
		long addressed = placeInNavertorp("Gången som åtgärdas");
		long unchanged = placeInNavertorp("Gången som är som den är");
		String location = planner.post("/api/measures",
				measure("Belysning i gångarna", "in_progress", "", "null", resolved, addressed, unchanged))
			.header("Location");

		Response done = planner.put(location, measure("Belysning i gångarna", "done",
				",\"placeStatuses\":{\"%d\":\"resolved\",\"%d\":\"being_addressed\"}".formatted(resolved, addressed),
				"null", resolved, addressed, unchanged), "\"0\"");

		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.json().get("properties").get("status").stringValue()).isEqualTo("done");
		assertThat(done.json().get("properties").has("placeStatuses")).as("not part of the measure").isFalse();
		assertThat(status(resolved)).isEqualTo("resolved");
		assertThat(status(addressed)).isEqualTo("being_addressed");
		assertThat(status(unchanged)).isEqualTo("open");
		JsonNode history = planner.get("/api/places/" + resolved + "/history").json();
		assertThat(history).hasSize(2);
		assertThat(history.get(1).get("changedBy").stringValue()).isEqualTo("planner");
		assertThat(history.get(1).get("changes").get("status").get("to").stringValue()).isEqualTo("resolved");
		assertThat(planner.get("/api/places/" + unchanged + "/history").json()).as("nothing to record").hasSize(1);
		assertThat(planner.get("/api/places/" + resolved).header("ETag")).isEqualTo("\"1\"");
	}

	@Test
	void placeStatusesForPlacesNotLinkedOrUnknownStatusesAreRefusedAndNothingChanges() {
		long linked = placeInNavertorp("Länkad plats");
		long other = placeInNavertorp("Inte länkad plats");
		String location = planner.post("/api/measures", measure("Röjning", "planned", "", "null", linked))
			.header("Location");

		Response refused = planner.put(location, measure("Röjning", "done",
				",\"placeStatuses\":{\"%d\":\"resolved\",\"%d\":\"fixed\",\"x\":\"resolved\"}".formatted(other, linked),
				"null", linked), "\"0\"");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.json().get("errors")).extracting(e -> e.get("field").stringValue())
			.containsExactlyInAnyOrder("properties.placeStatuses." + other, "properties.placeStatuses." + linked,
					"properties.placeStatuses.x");
		assertThat(refused.json().get("errors")).extracting(e -> e.get("code").stringValue())
			.containsExactlyInAnyOrder("place_not_linked", "not_one_of", "place_not_linked");
		assertThat(refused.body()).contains("being_addressed");
		assertThat(status(linked)).isEqualTo("open");
		assertThat(status(other)).isEqualTo("open");
		assertThat(planner.get(location).json().get("properties").get("status").stringValue()).isEqualTo("planned");
	}

	String status(long place) {
		return planner.get("/api/places/" + place).json().get("properties").get("status").stringValue();
	}

	@Test
	void plannersFindMeasuresByTitleAndPublishThemWithoutSendingThemWhole() {
		long place = placeInNavertorp("Plats för sökbar åtgärd");
		String location = planner.post("/api/measures", measure("Kameror vid Sökbara torget", "planned",
				",\"published\":false", "null", place)).header("Location");

		assertThat(planner.get("/api/measures?q=s%C3%B6kbara%20TORGET").json().get("features"))
			.extracting(f -> f.get("properties").get("title").stringValue())
			.containsExactly("Kameror vid Sökbara torget");
		assertThat(anonymous.get("/api/measures?q=s%C3%B6kbara").json().get("numberMatched").intValue()).isZero();

		Response published = planner.put(location + "/published", "{\"published\":true}", "\"0\"", "application/json");

		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.json().get("properties").get("placeIds")).extracting(JsonNode::longValue)
			.containsExactly(place);
		assertThat(anonymous.get("/api/measures?q=s%C3%B6kbara").json().get("numberMatched").intValue()).isEqualTo(1);
	}

}
