package se.trygghetskartan.municipality;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The municipality's settings live in the database: public to read, changed by admins with If-Match,
 * and in force at once, without a restart. Each test puts the settings back as they were.
 */
@IntegrationTest
class MunicipalitySettingsIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A point in Katrineholm's town centre. */
	static final String PLACE = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2070,58.9960]},
			 "properties":{"name":"Provplats för kommunens gräns","reasons":["other"],"source":"other"}}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient anonymous;

	ApiClient admin;

	JsonNode original;

	@BeforeEach
	void remember() {
		anonymous = new ApiClient(port);
		admin = anonymous.as("admin", "admin");
		original = anonymous.get("/api/config").json();
	}

	@AfterEach
	void restore() {
		Response now = anonymous.get("/api/config");
		if (!settings(now.json()).equals(settings(original))) {
			Response restored = put(settings(original), now.header("ETag"));
			assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		}
	}

	static ObjectNode settings(JsonNode config) {
		ObjectNode settings = (ObjectNode) config.deepCopy();
		settings.remove("id");
		settings.remove("version");
		return settings;
	}

	Response put(JsonNode settings, String ifMatch) {
		return admin.put("/api/config", settings.toString(), ifMatch, "application/json");
	}

	@Test
	void theSettingsArePublicWithAnETagAndOnlyAdminsChangeThemWithTheCurrentVersion() {
		Response config = anonymous.get("/api/config");
		assertThat(config.status()).isEqualTo(200);
		String etag = config.header("ETag");
		assertThat(etag).isEqualTo("\"" + config.json().get("version").longValue() + "\"");
		assertThat(config.header("Cache-Control")).contains("no-cache");
		JsonNode settings = config.json();
		assertThat(settings.get("name").stringValue()).isEqualTo("Katrineholm");
		assertThat(settings.get("extent")).hasSize(4);
		assertThat(settings.get("tileUrl").stringValue()).contains("{z}/{x}/{y}");
		assertThat(settings.has("startView")).isTrue();

		ObjectNode changed = settings(settings).put("name", "Katrineholms kommun");
		changed.putObject("startView").put("zoom", 14).putArray("center").add(16.2070).add(58.9960);
		String body = changed.toString();
		assertThat(anonymous.put("/api/config", body, etag, "application/json").status()).isEqualTo(401);
		assertThat(anonymous.as("planner", "planner").put("/api/config", body, etag, "application/json").status())
			.isEqualTo(403);
		assertThat(put(changed, null).status()).isEqualTo(428);
		Response stale = put(changed, "\"" + (settings.get("version").longValue() + 7) + "\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");

		Response stored = put(changed, etag);

		assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
		assertThat(stored.header("ETag")).isNotEqualTo(etag);
		JsonNode now = anonymous.get("/api/config").json();
		assertThat(now.get("name").stringValue()).isEqualTo("Katrineholms kommun");
		assertThat(now.get("startView").get("center").get(0).doubleValue()).isEqualTo(16.2070);
		assertThat(now.get("startView").get("zoom").doubleValue()).isEqualTo(14);
		assertThat(put(changed, etag).status()).as("the old version is gone").isEqualTo(412);
		JsonNode history = admin.get("/api/municipalities/" + now.get("id").longValue() + "/history").json();
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.get("changedBy").stringValue()).isEqualTo("admin");
		assertThat(last.get("changes").get("name").get("from").stringValue()).isEqualTo("Katrineholm");
		assertThat(last.get("changes").get("name").get("to").stringValue()).isEqualTo("Katrineholms kommun");
	}

	@Test
	void wrongSettingsAreRefusedFieldByFieldAndNothingChanges() {
		String etag = anonymous.get("/api/config").header("ETag");
		ObjectNode wrong = settings(original);
		wrong.putArray("extent").add(16.6).add(58.75).add(15.7).add(59.3);
		wrong.put("tileUrl", "https://tiles.example.org/{z}/{x}.png");
		wrong.put("tileAttribution", "©".repeat(301));
		wrong.put("maxZoom", 23);
		wrong.put("name", " ");

		Response refused = put(wrong, etag);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("errors")).extracting(error -> error.get("field").stringValue())
			.containsExactlyInAnyOrder("name", "extent", "tileUrl", "tileAttribution", "maxZoom");
		for (String url : new String[] { "ftp://tiles.example.org/{z}/{x}/{y}.png",
				"https://tiles.example.org/{z}/{x}/{y}.png; script-src *", "https://{z}/{x}/{y}",
				"https://tiles.example.org/{z}/{x}/{y}/{q}.png", "https://user:pw@tiles.example.org/{z}/{x}/{y}.png" }) {
			Response bad = put(settings(original).put("tileUrl", url), etag);
			assertThat(bad.status()).as(url).isEqualTo(422);
			assertThat(bad.json().get("errors").get(0).get("field").stringValue()).isEqualTo("tileUrl");
		}
		ObjectNode farAway = settings(original);
		farAway.putObject("startView").put("zoom", 12).putArray("center").add(18.07).add(59.33);
		Response outside = put(farAway, etag);
		assertThat(outside.status()).isEqualTo(422);
		assertThat(outside.json().get("errors").get(0).get("field").stringValue()).isEqualTo("startView.center");
		assertThat(put(JSON.createArrayNode(), etag).status()).isEqualTo(422);
		assertThat(anonymous.get("/api/config").json()).isEqualTo(original);
	}

	@Test
	void aSmallerExtentRefusesPlacesOutsideItAtOnceAndTheOldExtentTakesThemAgain() {
		ApiClient planner = anonymous.as("planner", "planner");
		Response before = planner.post("/api/places", PLACE);
		assertThat(before.status()).as(before.toString()).isEqualTo(201);
		planner.delete(before.header("Location"), before.header("ETag"));
		ObjectNode north = settings(original);
		north.putArray("extent").add(15.70).add(59.10).add(16.65).add(59.30);
		// The demo's start view is in the town, south of this extent: the maps fit the extent instead.
		north.putNull("startView");
		assertThat(put(north, anonymous.get("/api/config").header("ETag")).status()).isEqualTo(200);

		Response refused = planner.post("/api/places", PLACE);

		assertThat(refused.status()).isEqualTo(422);
		JsonNode outside = refused.json().get("errors").get(0);
		assertThat(outside.get("code").stringValue()).isEqualTo("outside_extent");
		assertThat(outside.get("args").get("extent").toString()).isEqualTo("[15.7,59.1,16.65,59.3]");
		assertThat(put(settings(original), anonymous.get("/api/config").header("ETag")).status()).isEqualTo(200);
		Response after = planner.post("/api/places", PLACE);
		assertThat(after.status()).isEqualTo(201);
		planner.delete(after.header("Location"), after.header("ETag"));
	}

	@Test
	void theNextPageLetsTheBrowserLoadTilesFromTheNewTileHost() {
		assertThat(anonymous.get("/").header("Content-Security-Policy")).doesNotContain("tiles.example.org");
		ObjectNode moved = settings(original).put("tileUrl", "https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png");

		assertThat(put(moved, anonymous.get("/api/config").header("ETag")).status()).isEqualTo(200);

		java.net.URI flens = java.net.URI.create(anonymous.get("/api/config?municipality=flen").json().get("tileUrl")
			.stringValue().replaceAll("[{}]", ""));
		for (String path : new String[] { "/", "/uppfoljning", "/api/config", "/flen/" }) {
			assertThat(imageSources(anonymous.get(path).header("Content-Security-Policy"))).as(path)
				.contains("https://*.tiles.example.org:8443")
				.as("every municipality's tiles, as any page may show them: Flen's too")
				.contains(flens.getScheme() + "://" + flens.getHost() + (flens.getPort() > 0 ? ":" + flens.getPort() : ""));
		}
	}

	// The sources of the policy's img-src directive.
	private static List<String> imageSources(String policy) {
		String directive = policy.substring(policy.indexOf("img-src ") + "img-src ".length());
		return List.of(directive.substring(0, directive.indexOf(';')).split(" "));
	}

	@Test
	void aChangeStoredByAnotherInstanceShowsHereWithinSeconds() throws InterruptedException {
		anonymous.get("/api/config");
		// Another instance's PUT, as this instance sees it: a new row version in the shared database.
		jdbc.sql("UPDATE municipality SET name = 'Katrineholm (annan instans)', version = version + 1 WHERE id = :id")
			.param("id", original.get("id").longValue())
			.update();
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		String name = null;
		while (System.nanoTime() < deadline) {
			name = anonymous.get("/api/config").json().get("name").stringValue();
			if (!name.equals("Katrineholm")) {
				break;
			}
			Thread.sleep(250);
		}

		assertThat(name).isEqualTo("Katrineholm (annan instans)");
	}

	@Test
	void theContactsForResidentsAreOptionalAndAnAddressOrAWebFormOrNothingElse() {
		assertThat(original.has("contactEmail")).as("the settings name the field even when it is empty").isTrue();
		ObjectNode contacts = settings(original).put("contactEmail", " trygghet@kommun.se ")
			.put("accessibilityContact", "https://www.kommun.se/tillganglighet/anmal-brist");

		Response stored = put(contacts, anonymous.get("/api/config").header("ETag"));

		assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
		JsonNode now = anonymous.get("/api/config").json();
		assertThat(now.get("contactEmail").stringValue()).isEqualTo("trygghet@kommun.se");
		assertThat(now.get("accessibilityContact").stringValue())
			.isEqualTo("https://www.kommun.se/tillganglighet/anmal-brist");
		assertThat(put(settings(now).put("accessibilityContact", "tillganglighet@västerås.se"),
				anonymous.get("/api/config").header("ETag")).status()).isEqualTo(200);

		JsonNode before = anonymous.get("/api/config").json();
		String etag = anonymous.get("/api/config").header("ETag");
		for (String email : new String[] { "trygghet", "Kommunens växel 0150-570 00", "https://www.kommun.se",
				"a@b", "x@kommun.se<script>", "trygghet@kommun.se, polisen@polisen.se" }) {
			Response refused = put(settings(before).put("contactEmail", email), etag);
			assertThat(refused.status()).as(email).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("contactEmail");
			assertThat(refused.json().get("errors").get(0).get("code").stringValue()).isEqualTo("not_email");
		}
		for (String contact : new String[] { "javascript:alert(1)", "ring 0150-570 00", "https://", "ftp://kommun.se/",
				"https://kommun.se/\"><script>", "x".repeat(490) + "@kommun.se" }) {
			Response refused = put(settings(before).put("accessibilityContact", contact), etag);
			assertThat(refused.status()).as(contact).isEqualTo(422);
			assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("accessibilityContact");
		}
		assertThat(put(settings(before).put("contactEmail", 7), etag).status()).isEqualTo(422);
		assertThat(anonymous.get("/api/config").json()).as("nothing refused was stored").isEqualTo(before);

		ObjectNode none = settings(before).put("contactEmail", "  ");
		none.remove("accessibilityContact");
		assertThat(put(none, etag).status()).isEqualTo(200);
		JsonNode cleared = anonymous.get("/api/config").json();
		assertThat(cleared.get("contactEmail").isNull()).isTrue();
		assertThat(cleared.get("accessibilityContact").isNull()).isTrue();
	}

}
