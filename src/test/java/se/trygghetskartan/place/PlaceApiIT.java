package se.trygghetskartan.place;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PlaceApiIT extends ApiTest {

	static final String NAVERTORP_SQUARE = """
			{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[16.2300,58.9975],[16.2315,58.9975],
			[16.2315,58.9983],[16.2300,58.9983],[16.2300,58.9975]]]},
			"properties":{"name":"%s","description":"Mörkt hörn","reasons":["poor_lighting","poor_visibility"],
			"source":"safety_walk"}}""";

	static String polygonInNavertorp(String name) {
		return NAVERTORP_SQUARE.formatted(name);
	}

	/** The same place with {@code "published"} set. */
	static String polygonInNavertorp(String name, boolean published) {
		return polygonInNavertorp(name).replace("\"source\":", "\"published\":" + published + ",\"source\":");
	}

	@Test
	void anUnpublishedPlaceIsADraftForStaffAndAbsentForThePublicUntilItIsPublished() {
		Response created = planner.post("/api/places", polygonInNavertorp("Utkast vid torget", false));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("properties").get("published").booleanValue()).isFalse();
		String location = created.header("Location");
		String box = "/api/places?bbox=16.2300,58.9975,16.2315,58.9983&limit=10000";

		Response hidden = anonymous.get(location);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.get(box).body()).doesNotContain("Utkast vid torget");
		assertThat(anonymous.get("/api/places?neighbourhood=navertorp&limit=10000").body())
			.doesNotContain("Utkast vid torget");
		assertThat(planner.get(location).json().get("properties").get("published").booleanValue()).isFalse();
		assertThat(planner.get(box).body()).contains("Utkast vid torget");
		assertThat(anonymous.as("police", "police").get(location).status()).as("the police see drafts too")
			.isEqualTo(200);

		Response published = planner.put(location, polygonInNavertorp("Utkast vid torget", true), "\"0\"");
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.header("ETag")).isEqualTo("\"1\"");
		assertThat(anonymous.get(location).json().get("properties").get("published").booleanValue()).isTrue();
		assertThat(anonymous.get(box).body()).contains("Utkast vid torget");
		JsonNode change = planner.get(location + "/history").json().get(1).get("changes");
		assertThat(change.get("published").get("from").booleanValue()).isFalse();
		assertThat(change.get("published").get("to").booleanValue()).isTrue();
	}

	@Test
	void aPlaceIsPublishedUnlessSaidOtherwiseAndAnEditThatLeavesPublishedOutKeepsIt() {
		Response plain = planner.post("/api/places", polygonInNavertorp("Publicerad direkt"));
		assertThat(plain.json().get("properties").get("published").booleanValue()).isTrue();

		String draft = planner.post("/api/places", polygonInNavertorp("Förblir utkast", false)).header("Location");
		Response edited = planner.put(draft, polygonInNavertorp("Förblir utkast, ändrad"), "\"0\"");

		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().get("properties").get("published").booleanValue()).isFalse();
		assertThat(anonymous.get(draft).status()).isEqualTo(404);
	}

	@Test
	void publishedIsTrueOrFalseAndNothingElse() {
		Response bad = planner.post("/api/places", polygonInNavertorp("Kanske").replace("\"source\":",
				"\"published\":\"yes\",\"source\":"));

		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").get(0).get("field").stringValue()).isEqualTo("properties.published");
		assertThat(bad.json().get("errors").get(0).get("code").stringValue()).isEqualTo("not_boolean");
	}

	@Test
	void polygonCreatedInsideNavertorpBelongsToNavertorp() {
		Response created = planner.post("/api/places", polygonInNavertorp("Hörnet vid torget"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.contentType()).startsWith("application/geo+json");
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		JsonNode props = created.json().get("properties");
		assertThat(props.get("neighbourhood").get("slug").stringValue()).isEqualTo("navertorp");
		assertThat(props.get("neighbourhood").get("name").stringValue()).isEqualTo("Nävertorp");
		assertThat(props.get("status").stringValue()).isEqualTo("open");
		assertThat(props.get("createdBy").stringValue()).isEqualTo("planner");
		assertThat(props.get("measureIds").isEmpty()).isTrue();

		Response fetched = anonymous.get(created.header("Location"));
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().get("geometry").get("type").stringValue()).isEqualTo("Polygon");
		assertThat(fetched.json().get("geometry").get("coordinates").get(0).get(1).get(0).doubleValue())
			.isEqualTo(16.2315);
	}

	@Test
	void updateWithTheCurrentETagSucceedsAndAStaleOneIsRefused() {
		String location = planner.post("/api/places", polygonInNavertorp("Före")).header("Location");

		Response updated = planner.put(location, polygonInNavertorp("Efter"), "\"0\"");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.header("ETag")).isEqualTo("\"1\"");
		assertThat(updated.json().get("properties").get("name").stringValue()).isEqualTo("Efter");

		Response stale = planner.put(location, polygonInNavertorp("Skriver över"), "\"0\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(stale.json().get("currentVersion").intValue()).isEqualTo(1);
		assertThat(anonymous.get(location).json().get("properties").get("name").stringValue()).isEqualTo("Efter");
	}

	@Test
	void updateWithoutIfMatchIsRefusedSoNothingIsOverwrittenBlindly() {
		String location = planner.post("/api/places", polygonInNavertorp("Utan If-Match")).header("Location");

		Response blind = planner.put(location, polygonInNavertorp("Blint"), null);

		assertThat(blind.status()).isEqualTo(428);
		assertThat(anonymous.get(location).header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void deletedPlaceIsGone() {
		String location = planner.post("/api/places", polygonInNavertorp("Tas bort")).header("Location");

		assertThat(planner.delete(location, "\"0\"").status()).isEqualTo(204);
		assertThat(anonymous.get(location).status()).isEqualTo(404);
		assertThat(anonymous.get(location).contentType()).startsWith("application/problem+json");
	}

	@Test
	void everyChangeIsRecordedWithWhoAndWhat() {
		String location = planner.post("/api/places", polygonInNavertorp("Historik")).header("Location");
		planner.put(location, polygonInNavertorp("Historik ändrad"), "\"0\"");

		Response history = planner.get(location + "/history");

		assertThat(history.status()).isEqualTo(200);
		JsonNode changes = history.json();
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0).get("action").stringValue()).isEqualTo("created");
		assertThat(changes.get(1).get("action").stringValue()).isEqualTo("updated");
		assertThat(changes.get(1).get("changedBy").stringValue()).isEqualTo("planner");
		JsonNode nameChange = changes.get(1).get("changes").get("name");
		assertThat(nameChange.get("from").stringValue()).isEqualTo("Historik");
		assertThat(nameChange.get("to").stringValue()).isEqualTo("Historik ändrad");
		assertThat(changes.get(1).get("changes").has("geometry")).as("geometry did not change").isFalse();
		assertThat(anonymous.get(location + "/history").status()).isEqualTo(401);
	}

	@Test
	void filtersByNeighbourhoodStatusReasonAndBoundingBox() {
		JsonNode norr = anonymous.get("/api/places?neighbourhood=norr").json();
		assertThat(norr.get("numberMatched").intValue()).isGreaterThanOrEqualTo(6);
		norr.get("features").forEach(feature -> assertThat(feature.get("properties").get("neighbourhoods").toString())
			.contains("\"norr\""));

		JsonNode resolved = anonymous.get("/api/places?status=resolved").json();
		resolved.get("features").forEach(
				feature -> assertThat(feature.get("properties").get("status").stringValue()).isEqualTo("resolved"));

		JsonNode dark = anonymous.get("/api/places?reason=poor_lighting&limit=3").json();
		assertThat(dark.get("numberReturned").intValue()).isEqualTo(3);
		dark.get("features").forEach(feature -> assertThat(feature.get("properties").get("reasons").toString())
			.contains("poor_lighting"));

		// A box around Stationstorget only.
		JsonNode box = anonymous.get("/api/places?bbox=16.2065,58.9958,16.2070,58.9962").json();
		assertThat(box.get("features")).extracting(f -> f.get("properties").get("name").stringValue())
			.contains("Stationstorget")
			.doesNotContain("Cykelparkeringen vid stationen", "Bollplanen", "Lekplatsen i Norr");
	}

	@Test
	void badQueryParametersAreExplained() {
		Response badStatus = anonymous.get("/api/places?status=closed");
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.contentType()).startsWith("application/problem+json");
		assertThat(badStatus.json().get("errors").get(0).get("field").stringValue()).isEqualTo("status");
		assertThat(badStatus.body()).contains("being_addressed");

		assertThat(anonymous.get("/api/places?bbox=1,2,3").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/places?limit=0").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/places?limit=abc").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/places/abc").status()).isEqualTo(400);
	}

	@Test
	void plannersFindPlacesByAnyPartOfTheirNameWhateverTheCaseAndTheRestOfTheFilterStillApplies() {
		planner.post("/api/places", polygonInNavertorp("Glömda gränden, 50% mörk"));
		planner.post("/api/places", polygonInNavertorp("Glömda gränden som utkast", false));

		JsonNode found = planner.get("/api/places?q=GL%C3%96MDA%20gr&limit=50").json();
		JsonNode percent = planner.get("/api/places?q=50%25&limit=50").json();
		JsonNode elsewhere = planner.get("/api/places?q=gl%C3%B6mda&neighbourhood=norr").json();
		JsonNode publicly = anonymous.get("/api/places?q=gl%C3%B6mda&limit=50").json();

		assertThat(found.get("features")).extracting(f -> f.get("properties").get("name").stringValue())
			.contains("Glömda gränden, 50% mörk", "Glömda gränden som utkast")
			.allMatch(name -> name.toLowerCase().contains("glömda gr"));
		assertThat(percent.get("features")).extracting(f -> f.get("properties").get("name").stringValue())
			.as("% is a letter to search for, not a wildcard")
			.allMatch(name -> name.contains("50%"))
			.contains("Glömda gränden, 50% mörk");
		assertThat(elsewhere.get("numberMatched").intValue()).isZero();
		assertThat(publicly.get("features")).extracting(f -> f.get("properties").get("name").stringValue())
			.contains("Glömda gränden, 50% mörk")
			.doesNotContain("Glömda gränden som utkast");
		Response tooLong = anonymous.get("/api/places?q=" + "a".repeat(101));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("field").stringValue()).isEqualTo("q");
	}

	@Test
	void aPlannerPublishesAndUnpublishesAPlaceWithoutSendingItWhole() {
		String location = planner.post("/api/places", polygonInNavertorp("Publiceras med ett klick", false))
			.header("Location");
		String publication = location + "/published";

		Response published = planner.put(publication, "{\"published\":true}", "\"0\"", "application/json");

		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.header("ETag")).isEqualTo("\"1\"");
		assertThat(published.json().get("properties").get("published").booleanValue()).isTrue();
		assertThat(published.json().get("properties").get("name").stringValue()).isEqualTo("Publiceras med ett klick");
		assertThat(anonymous.get(location).status()).isEqualTo(200);
		JsonNode change = planner.get(location + "/history").json().get(1).get("changes");
		assertThat(change.propertyNames()).containsExactly("published");

		assertThat(planner.put(publication, "{\"published\":false}", "\"0\"", "application/json").status())
			.as("someone published it since").isEqualTo(412);
		assertThat(planner.put(publication, "{\"published\":false}", null, "application/json").status()).isEqualTo(428);
		Response missing = planner.put(publication, "{}", "\"1\"", "application/json");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().get("errors").get(0).get("field").stringValue()).isEqualTo("published");
		assertThat(missing.json().get("errors").get(0).get("code").stringValue()).isEqualTo("not_boolean");
		assertThat(planner.put(publication, "{\"published\":\"ja\"}", "\"1\"", "application/json").status())
			.isEqualTo(422);
		assertThat(anonymous.as("police", "police").put(publication, "{\"published\":false}", "\"1\"", "application/json")
			.status()).isEqualTo(403);
		assertThat(anonymous.put(publication, "{\"published\":false}", "\"1\"", "application/json").status())
			.isEqualTo(401);
		assertThat(anonymous.get(location).status()).isEqualTo(200);

		Response unpublished = planner.put(publication, "{\"published\":false}", "\"1\"", "application/json");
		assertThat(unpublished.status()).isEqualTo(200);
		assertThat(anonymous.get(location).status()).isEqualTo(404);
	}

}
