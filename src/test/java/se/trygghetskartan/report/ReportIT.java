package se.trygghetskartan.report;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents' reports over HTTP: sent without an account, never public before moderation, approved
 * into places, merged as voices, throttled per address, and moderated only by the report's own
 * municipality's planners under If-Match. Each test reports from an address of its own (the tests'
 * loopback is a trusted proxy here) and at a spot of its own in Nävertorp, so they count apart.
 */
@IntegrationTest
@TestPropertySource(properties = "trygghetskartan.trusted-proxies=127.0.0.1")
class ReportIT extends ApiTest {

	private static final String JSON = "application/json";

	private static final String REPORT = """
			{"location":{"type":"Point","coordinates":[%s,%s]},"reasons":["poor_lighting"],"when":["evening","night"],
			"text":"%s","email":"boende@example.se","website":""}""";

	@Test
	void aReportIsPrivateUntilApprovedThenAPlaceFromAResident() {
		ApiClient resident = anonymous.from("203.0.113.10");
		Response sent = resident.post("/api/reports?municipality=katrineholm",
				REPORT.formatted("16.2380", "59.0000", "Mörkt vid gångtunneln, lampan trasig sedan i höstas"), JSON);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.json().get("number").stringValue()).matches("R-\\d{4}-\\d{6}");
		String page = sent.json().get("followUrl").stringValue();
		assertThat(page).as("a page a person reads").matches("/tips/[A-Za-z0-9_-]{32}");
		Response followPage = anonymous.get(page);
		assertThat(followPage.status()).isEqualTo(200);
		assertThat(followPage.contentType()).startsWith("text/html");
		assertThat(followPage.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(followPage.header("X-Robots-Tag")).contains("noindex");
		assertThat(followPage.body()).contains("noindex").doesNotContain("boende@example.se");
		String follow = followJson(page);

		assertThat(anonymous.get(follow).json().get("status").stringValue()).isEqualTo("received");
		assertThat(anonymous.get(follow).body()).doesNotContain("boende@example.se").doesNotContain("lampan");
		assertThat(anonymous.get("/api/places?limit=10000").body()).doesNotContain("gångtunneln");
		assertThat(anonymous.get("/api/reports").status()).as("the queue is the planners'").isEqualTo(401);

		long id = idInQueue(planner, "gångtunneln");
		Response report = planner.get("/api/reports/" + id);
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.body()).as("not even planners see the address").doesNotContain("boende@example.se");
		assertThat(report.json().get("hasEmail").booleanValue()).isTrue();

		Response approved = moderate(planner, id, "approve", "{\"name\":\"Gångtunneln i Nävertorp\",\"note\":\"Stämmer\"}",
				report.header("ETag"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		long placeId = approved.json().get("placeId").longValue();

		JsonNode place = anonymous.get("/api/places?ids=" + placeId).json().get("features").get(0);
		assertThat(place.get("properties").get("source").stringValue()).isEqualTo("resident");
		assertThat(place.get("properties").get("residentReports").intValue()).isEqualTo(1);
		assertThat(place.get("properties").get("name").stringValue()).isEqualTo("Gångtunneln i Nävertorp");
		JsonNode followed = anonymous.get(follow).json();
		assertThat(followed.get("status").stringValue()).isEqualTo("approved");
		assertThat(followed.get("placeId").longValue()).isEqualTo(placeId);
		assertThat(planner.get("/api/reports/" + id + "/history").body()).contains("approved").contains("Stämmer");

		// A second resident 20 m away is offered the place and adds a voice to it.
		Response nearby = anonymous.get("/api/reports/nearby?municipality=katrineholm&lon=16.2380&lat=59.00018");
		assertThat(nearby.status()).as(nearby.toString()).isEqualTo(200);
		assertThat(nearby.json().get("features")).extracting(f -> f.get("id").longValue()).containsExactly(placeId);
		Response voice = anonymous.from("203.0.113.11").post("/api/places/" + placeId + "/voices", "{}", JSON);
		assertThat(voice.status()).as(voice.toString()).isEqualTo(204);
		assertThat(anonymous.get("/api/places?ids=" + placeId).json().get("features").get(0).get("properties")
			.get("residentReports").intValue()).isEqualTo(2);
		Response again = anonymous.from("203.0.113.11").post("/api/places/" + placeId + "/voices", "{}", JSON);
		assertThat(again.status()).as("the same address again: answered alike").isEqualTo(204);
		assertThat(anonymous.get("/api/places?ids=" + placeId).json().get("features").get(0).get("properties")
			.get("residentReports").intValue()).as("but counted once").isEqualTo(2);
		assertThat(anonymous.from("203.0.113.11").post("/api/places/999999/voices", "{}", JSON).status())
			.as("no such place").isEqualTo(404);
		Response form = anonymous.from("203.0.113.13").post("/api/places/" + placeId + "/voices", "a=1",
				"application/x-www-form-urlencoded");
		assertThat(form.status()).as("what another site's form could send: refused").isEqualTo(415);
		Response robot = anonymous.from("203.0.113.12").post("/api/places/" + placeId + "/voices",
				"{\"website\":\"http://spam.example\"}", JSON);
		assertThat(robot.status()).as("a filled honeypot looks the same").isEqualTo(204);
		assertThat(anonymous.get("/api/places?ids=" + placeId).json().get("features").get(0).get("properties")
			.get("residentReports").intValue()).as("and adds nothing").isEqualTo(2);

		for (Response answer : new Response[] { anonymous.get("/api/places?limit=10000"), nearby, anonymous.get(follow),
				anonymous.get("/api/places/" + placeId + "/history") }) {
			assertThat(answer.body()).doesNotContain("boende@example.se");
		}
	}

	@Test
	void theSixthReportWithinAnHourFromOneAddressGets429() {
		ApiClient resident = anonymous.from("203.0.113.20");
		for (int i = 1; i <= 5; i++) {
			Response sent = resident.post("/api/reports", REPORT.formatted("16.2250", "59.0000", "Tips nummer " + i), JSON);
			assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		}
		Response sixth = resident.post("/api/reports", REPORT.formatted("16.2250", "59.0000", "Tips nummer 6"), JSON);
		assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
		assertThat(sixth.contentType()).startsWith("application/problem+json");
		assertThat(sixth.json().get("code").stringValue()).isEqualTo("too_many_reports");
		assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(countReports("Tips nummer 6")).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM report_submission WHERE address_hash LIKE '%203.0.113%'")
			.query(Long.class).single()).as("the address itself is never stored").isZero();

		Response elsewhere = anonymous.from("203.0.113.21").post("/api/reports",
				REPORT.formatted("16.2250", "59.0000", "Tips från en annan adress"), JSON);
		assertThat(elsewhere.status()).as("another address counts apart").isEqualTo(201);

		// Unhandled reports at one spot: a hint for the planner, nothing for the public.
		long first = idInQueue(planner, "Tips nummer 1");
		assertThat(planner.get("/api/reports/" + first).json().get("nearbyReports").intValue()).isEqualTo(5);
		assertThat(anonymous.get("/api/reports/nearby?lon=16.2250&lat=59.0000").json().get("features")).isEmpty();
	}

	@Test
	void aFilledHoneypotLooksLikeSuccessButStoresNothing() {
		long before = jdbc.sql("SELECT count(*) FROM report").query(Long.class).single();
		Response sent = anonymous.from("203.0.113.30").post("/api/reports",
				REPORT.formatted("16.2270", "59.0020", "Köp billiga klockor").replace("\"website\":\"\"",
						"\"website\":\"https://spam.example\""), JSON);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.json().get("number").stringValue()).matches("R-\\d{4}-\\d{6}");
		assertThat(jdbc.sql("SELECT count(*) FROM report").query(Long.class).single()).isEqualTo(before);
		assertThat(anonymous.get(followJson(sent.json().get("followUrl").stringValue())).status()).isEqualTo(404);
	}

	@Test
	void linksInTheTextAreRefusedAndNothingIsStored() {
		ApiClient resident = anonymous.from("203.0.113.40");
		for (String text : new String[] { "Se https://example.org/bild", "Titta på www.otrygg.nu", "Mer på otryggt.se idag",
				"Bilder: imgur.example/abc" }) {
			Response sent = resident.post("/api/reports", REPORT.formatted("16.2280", "59.0025", text), JSON);
			assertThat(sent.status()).as(text + ": " + sent).isEqualTo(422);
			assertThat(sent.contentType()).startsWith("application/problem+json");
			assertThat(sent.body()).contains("link_in_text").contains("\"field\":\"text\"");
			assertThat(countReports(text)).isZero();
		}
		Response plain = resident.post("/api/reports",
				REPORT.formatted("16.2280", "59.0025", "Mörkt, t.ex. vid kl. 22 bl.a. på helger"), JSON);
		assertThat(plain.status()).as("abbreviations are no links: " + plain).isEqualTo(201);
	}

	@Test
	void badReportsAreRefusedWithWhatIsWrong() {
		ApiClient resident = anonymous.from("203.0.113.50");
		Response outside = resident.post("/api/reports", REPORT.formatted("18.0686", "59.3293", "I Stockholm"), JSON);
		assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
		assertThat(outside.body()).contains("outside_extent");
		Response bad = resident.post("/api/reports", """
				{"location":null,"reasons":["dark"],"when":["always"],"email":"inte en adress"}""", JSON);
		assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
		assertThat(bad.body()).contains("\"neighbourhood\"").contains("\"place\"").contains("reasons[0]")
			.contains("when[0]").contains("not_email");
		Response unknownDistrict = resident.post("/api/reports", """
				{"neighbourhood":"atlantis","place":"Vid torget","reasons":["vandalism"]}""", JSON);
		assertThat(unknownDistrict.status()).as(unknownDistrict.toString()).isEqualTo(422);
		Response tooLong = resident.post("/api/reports", REPORT.formatted("16.2280", "59.0025", "x".repeat(2001)), JSON);
		assertThat(tooLong.status()).isEqualTo(422);
		Response flood = resident.post("/api/reports", """
				{"location":{"type":"Point","coordinates":[16.2280,59.0025]},"reasons":[%s]}"""
			.formatted("0,".repeat(9_999) + "0"), JSON);
		assertThat(flood.status()).as("ten thousand bad reasons").isEqualTo(422);
		assertThat(flood.json().get("errors")).as("one reason, not ten thousand").hasSize(1);
		assertThat(flood.body()).contains("too_many_codes");
		assertThat(countReports("I Stockholm")).isZero();
	}

	@Test
	void aReportWithoutAPinGetsItsGeometryFromThePlanner() {
		Response sent = anonymous.from("203.0.113.60").post("/api/reports", """
				{"neighbourhood":"navertorp","place":"Bakom Nävertorps skola vid cykelstället","reasons":["vandalism"]}""",
				JSON);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		long id = idInQueue(planner, "Bakom Nävertorps skola");
		String etag = planner.get("/api/reports/" + id).header("ETag");
		Response noGeometry = moderate(planner, id, "approve", "{\"name\":\"Cykelstället\"}", etag);
		assertThat(noGeometry.status()).as(noGeometry.toString()).isEqualTo(422);
		assertThat(noGeometry.body()).contains("no_pin");
		Response approved = moderate(planner, id, "approve", """
				{"name":"Cykelstället vid skolan","geometry":{"type":"Point","coordinates":[16.2350,59.0040]}}""", etag);
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
	}

	@Test
	void twoPlannersModeratingTheSameVersionTheSecondGets412() {
		anonymous.from("203.0.113.70").post("/api/reports", REPORT.formatted("16.2300", "58.9990", "Dubbelmoderering"), JSON);
		long id = idInQueue(planner, "Dubbelmoderering");
		String etag = planner.get("/api/reports/" + id).header("ETag");
		Response first = moderate(planner, id, "reject", "{\"reason\":\"not_about_safety\",\"note\":\"Gäller parkering\"}", etag);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		Response second = moderate(anonymous.as("admin", "admin"), id, "reject", "{\"reason\":\"spam\"}", etag);
		assertThat(second.status()).as(second.toString()).isEqualTo(412);
		assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
		Response follow = planner.get("/api/reports/" + id);
		assertThat(follow.json().get("rejection").stringValue()).isEqualTo("not_about_safety");
		assertThat(moderate(planner, id, "reject", "{\"reason\":\"spam\"}", null).status()).as("If-Match required")
			.isEqualTo(428);
	}

	@Test
	void aKatrineholmPlannerCannotModerateFlensReports() {
		Response sent = anonymous.from("203.0.113.80").post("/api/reports?municipality=flen",
				REPORT.formatted("16.5920", "59.0570", "Rapport i Flen"), JSON);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		ApiClient flen = anonymous.as("flen", "flen");
		long id = idInQueue(flen, "Rapport i Flen");
		assertThat(planner.get("/api/reports?municipality=flen").status()).isEqualTo(403);
		assertThat(planner.get("/api/reports").body()).doesNotContain("Rapport i Flen");
		assertThat(planner.get("/api/reports/" + id).status()).isEqualTo(403);
		String etag = flen.get("/api/reports/" + id).header("ETag");
		Response refused = moderate(planner, id, "reject", "{\"reason\":\"spam\"}", etag);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(planner.get("/api/reports/" + id + "/history").status()).isEqualTo(403);

		Response edited = flen.send(flen.request("/api/reports/" + id + "/text").header("Content-Type", JSON)
			.header("If-Match", etag)
			.PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"Rapport i Flen (namn borttaget)\",\"note\":\"Personuppgift\"}")));
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(flen.get("/api/reports/" + id + "/history").body()).as("the original kept for planners")
			.contains("\"from\": \"Rapport i Flen\"").contains("Personuppgift");
	}

	@Test
	void theDistrictCountsThisYearsReportsAndHowManyAreHandledButNothingOfThem() {
		String summary = "/api/reports/summary?municipality=katrineholm&neighbourhood=navertorp";
		JsonNode before = anonymous.get(summary).json();
		ApiClient resident = anonymous.from("203.0.113.90");
		resident.post("/api/reports", REPORT.formatted("16.2310", "59.0010", "Räknas i stadsdelen"), JSON);
		resident.post("/api/reports", """
				{"neighbourhood":"navertorp","place":"Vid tvättstugan","reasons":["other"],"email":"en@example.se"}""", JSON);
		resident.post("/api/reports", REPORT.formatted("16.1900", "58.9700", "Utanför stadsdelen"), JSON);
		Response counted = anonymous.get(summary);
		assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
		assertThat(counted.json().get("received").intValue()).isEqualTo(before.get("received").intValue() + 2);
		assertThat(counted.json().get("handled").intValue()).isEqualTo(before.get("handled").intValue());
		assertThat(counted.json().get("year").intValue()).isEqualTo(java.time.Year.now().getValue());
		assertThat(counted.body()).doesNotContain("Räknas").doesNotContain("tvättstugan").doesNotContain("example.se");

		long id = idInQueue(planner, "Räknas i stadsdelen");
		moderate(planner, id, "reject", "{\"reason\":\"not_about_safety\"}", planner.get("/api/reports/" + id).header("ETag"));
		assertThat(anonymous.get(summary).json().get("handled").intValue()).isEqualTo(before.get("handled").intValue() + 1);
		assertThat(anonymous.get("/api/reports/summary?neighbourhood=atlantis").status()).isEqualTo(404);
	}

	/** The JSON of a report behind its follow page's address. */
	private static String followJson(String page) {
		return "/api/reports/follow/" + page.substring(page.lastIndexOf('/') + 1);
	}

	@Test
	void itsPlannersSeeThePlacesNearAReportsPinDraftsTooAndNoOneElseDoes() {
		long draft = created(planner.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.23300,59.00820]},
				 "properties":{"name":"Utkast nära tipset","reasons":["poor_lighting"],"source":"safety_walk"}}"""));
		created(planner.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.23300,59.00900]},
				 "properties":{"name":"Plats långt från tipset","reasons":["poor_lighting"],"source":"safety_walk"}}"""));
		Response sent = anonymous.from("203.0.113.90").post("/api/reports?municipality=katrineholm",
				REPORT.formatted("16.23300", "59.00800", "Mörkt nära utkastet"), JSON);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		long id = idInQueue(planner, "Mörkt nära utkastet");

		Response near = planner.get("/api/reports/" + id + "/places");
		assertThat(near.status()).as(near.toString()).isEqualTo(200);
		assertThat(near.json().get("features")).extracting(f -> f.get("id").longValue()).containsExactly(draft);
		assertThat(anonymous.get("/api/reports/" + id + "/places").status()).isEqualTo(401);
		assertThat(anonymous.as("flen", "flen").get("/api/reports/" + id + "/places").status()).isEqualTo(403);

		Response withoutPin = anonymous.from("203.0.113.91").post("/api/reports?municipality=katrineholm",
				"{\"neighbourhood\":\"navertorp\",\"place\":\"Bakom förskolan utan nål\",\"reasons\":[\"other\"]}", JSON);
		assertThat(withoutPin.status()).as(withoutPin.toString()).isEqualTo(201);
		Response none = planner.get("/api/reports/" + idInQueue(planner, "Bakom förskolan utan nål") + "/places");
		assertThat(none.status()).as(none.toString()).isEqualTo(200);
		assertThat(none.json().get("features")).isEmpty();
	}

	@Test
	void aReportAndAVoiceSentWhileSignedInAreRecordedAsTheResidentsAndTheModerationAsThePlanners() {
		ApiClient signedIn = planner.from("203.0.113.40");
		Response sent = signedIn.post("/api/reports?municipality=katrineholm",
				REPORT.formatted("16.2372", "58.9993", "Trasig lampa vid lekplatsens grind"), JSON);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		long id = idInQueue(planner, "lekplatsens grind");
		assertThat(changedBy("report", id)).containsExactly("resident");

		Response report = planner.get("/api/reports/" + id);
		Response approved = moderate(planner, id, "approve", "{\"name\":\"Lekplatsens grind\"}", report.header("ETag"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		long placeId = approved.json().get("placeId").longValue();
		Response voice = planner.from("203.0.113.41").post("/api/places/" + placeId + "/voices", "{}", JSON);
		assertThat(voice.status()).as(voice.toString()).isEqualTo(204);

		assertThat(changedBy("report", id)).containsExactly("resident", "planner");
		assertThat(changedBy("place", placeId)).as("created and counted by the planner, then a resident's voice")
			.containsExactly("planner", "planner", "resident");
	}

	private List<String> changedBy(String subject, long id) {
		return jdbc.sql("SELECT changed_by FROM change_record WHERE subject_type = :subject AND subject_id = :id ORDER BY id")
			.param("subject", subject)
			.param("id", id)
			.query(String.class)
			.list();
	}

	private long idInQueue(ApiClient planner, String text) {
		Response queue = planner.get("/api/reports?status=received&municipality="
				+ (planner == this.planner ? "katrineholm" : "flen"));
		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		for (JsonNode report : queue.json().get("reports")) {
			if (report.get("text") != null && report.get("text").asString("").contains(text)
					|| report.get("place") != null && report.get("place").asString("").contains(text)) {
				return report.get("id").longValue();
			}
		}
		throw new AssertionError("not in the queue: " + text + " in " + queue.body());
	}

	private long countReports(String text) {
		return jdbc.sql("SELECT count(*) FROM report WHERE text = :text").param("text", text).query(Long.class).single();
	}

	private static Response moderate(ApiClient client, long id, String action, String body, String ifMatch) {
		HttpRequest.Builder request = client.request("/api/reports/" + id + "/" + action).header("Content-Type", JSON)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return client.send(request);
	}

}
