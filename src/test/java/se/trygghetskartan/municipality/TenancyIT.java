package se.trygghetskartan.municipality;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestIncidentSources;
import se.trygghetskartan.account.AccountService;
import se.trygghetskartan.account.Grant;
import se.trygghetskartan.account.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Municipalities as tenants, over HTTP against the demo's two (Katrineholm, the default, and Flen):
 * which municipality a request is about, what its lists hold, and who may change and see what where.
 */
@IntegrationTest
class TenancyIT {

	static final String PLACE_IN_FLEN = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[16.5920,59.0570]},
			"properties":{"name":"%s","reasons":["poor_lighting"],"source":"resident"}}""";

	static final String PLACE_IN_KATRINEHOLM = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2070,58.9960]},
			"properties":{"name":"%s","reasons":["poor_lighting"],"source":"resident"}}""";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	ApiClient anonymous;

	ApiClient katrineholmPlanner;

	ApiClient flenPlanner;

	ApiClient admin;

	@BeforeEach
	void clients() {
		anonymous = new ApiClient(port);
		katrineholmPlanner = anonymous.as("planner", "planner");
		flenPlanner = anonymous.as("flen", "flen");
		admin = anonymous.as("admin", "admin");
	}

	@Test
	void aKatrineholmPlannerMayNotChangeFlensPlacesButFlensPlannerMay() {
		String flenPlace = "/api/places/" + firstId("/api/places?municipality=flen");
		String etag = anonymous.get(flenPlace).header("ETag");

		Response put = katrineholmPlanner.put(flenPlace, PLACE_IN_FLEN.formatted("Kapad"), etag);
		Response delete = katrineholmPlanner.delete(flenPlace, etag);
		Response post = katrineholmPlanner.post("/api/places?municipality=flen", PLACE_IN_FLEN.formatted("Inkräktare"));

		for (Response refused : List.of(put, delete, post)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("code").stringValue()).isEqualTo("not_granted");
		}
		assertThat(anonymous.get(flenPlace).header("ETag")).as("nothing changed").isEqualTo(etag);
		assertThat(anonymous.get("/api/places?municipality=flen").body()).doesNotContain("Inkräktare");

		Response created = flenPlanner.post("/api/places?municipality=flen", PLACE_IN_FLEN.formatted("Mörk busshållplats"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String location = created.header("Location");
		Response changed = flenPlanner.put(location, PLACE_IN_FLEN.formatted("Mörk busshållplats, ändrad"), "\"0\"");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(anonymous.get("/api/places?municipality=flen").body()).contains("Mörk busshållplats, ändrad");
		assertThat(anonymous.get("/api/places?limit=10000").body()).doesNotContain("Mörk busshållplats");
		assertThat(flenPlanner.delete(location, "\"1\"").status()).isEqualTo(204);

		Response intoKatrineholm = flenPlanner.post("/api/places", PLACE_IN_KATRINEHOLM.formatted("Fel kommun"));
		assertThat(intoKatrineholm.status()).as("Flen's planner in the default municipality").isEqualTo(403);
	}

	@Test
	void anUnpublishedWalkOfFlenFoundByIdShowsItsStopsToFlensPlannersOnly() {
		Response walk = flenPlanner.post("/api/activities?municipality=flen", """
				{"type":"Feature","geometry":{"type":"LineString","coordinates":[[16.5900,59.0560],[16.5940,59.0580]]},
				 "properties":{"kind":"safety_walk","title":"Flens kvällsvandring","startsOn":"2026-10-01",
				  "timeOfDay":"evening","published":false,
				  "stops":[{"geometry":{"type":"Point","coordinates":[16.5920,59.0570]},"unsafe":"Mörk gång vid skolan"}]}}""");
		assertThat(walk.status()).as(walk.toString()).isEqualTo(201);
		String location = walk.header("Location");
		String id = location.substring(location.lastIndexOf('/') + 1);

		assertThat(flenPlanner.get("/api/activities?municipality=flen&ids=" + id).body()).contains("Mörk gång vid skolan");
		assertThat(katrineholmPlanner.get("/api/activities?ids=" + id).body()).as("a planner of another municipality")
			.contains("Flens kvällsvandring")
			.doesNotContain("Mörk gång vid skolan");
		flenPlanner.delete(location, flenPlanner.get(location).header("ETag"));
	}

	@Test
	void aKatrineholmPlannerSeesFlenAsThePublicDoes() {
		Response draft = flenPlanner.post("/api/places?municipality=flen",
				PLACE_IN_FLEN.formatted("Flens utkast").replace("\"source\":", "\"published\":false,\"source\":"));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		String location = draft.header("Location");

		assertThat(flenPlanner.get("/api/places?municipality=flen").body()).contains("Flens utkast");
		assertThat(katrineholmPlanner.get("/api/places?municipality=flen").body()).doesNotContain("Flens utkast");
		assertThat(katrineholmPlanner.get(location).status()).isEqualTo(404);
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(katrineholmPlanner.get("/api/places?ids=" + id).body()).as("nor by id")
			.doesNotContain("Flens utkast");
		assertThat(flenPlanner.get("/api/places?municipality=flen&ids=" + id).body()).contains("Flens utkast");
		Response history = katrineholmPlanner.get(location + "/history");
		assertThat(history.status()).as(history.toString()).isEqualTo(403);
		assertThat(flenPlanner.get(location + "/history").status()).isEqualTo(200);

		assertThat(flenPlanner.delete(location, flenPlanner.get(location).header("ETag")).status()).isEqualTo(204);
		Response deleted = katrineholmPlanner.get(location + "/history");
		assertThat(deleted.status()).as("a deleted item's history stays its municipality's: " + deleted).isEqualTo(403);
		assertThat(flenPlanner.get(location + "/history").body()).contains("\"deleted\"");
		assertThat(admin.get(location + "/history").status()).isEqualTo(200);
		assertThat(katrineholmPlanner.get(location.replaceAll("\\d+$", "999999") + "/history").status())
			.as("never there: nothing to say").isEqualTo(404);
		assertThat(katrineholmPlanner.get("/api/incidents?municipality=flen").status()).isEqualTo(403);
		assertThat(flenPlanner.get("/api/incidents?municipality=flen").status()).isEqualTo(200);
		assertThat(flenPlanner.get("/api/incidents").status()).as("Katrineholm's, the default").isEqualTo(403);
	}

	@Test
	void aCommitmentCannotBeMovedIntoAnotherMunicipalitysPromise() {
		long flenPromise = jdbc.sql("""
				SELECT p.id FROM promise p JOIN municipality m ON m.id = p.municipality_id WHERE m.slug = 'flen' LIMIT 1
				""").query(Long.class).single();
		Response promise = katrineholmPlanner.post("/api/promises",
				"{\"periodStart\":2042,\"party\":\"joint\",\"title\":\"Katrineholms löfte\"}", "application/json");
		assertThat(promise.status()).as(promise.toString()).isEqualTo(201);
		long own = promise.json().get("id").longValue();
		Response commitment = katrineholmPlanner.post("/api/commitments",
				"{\"promiseId\":%d,\"party\":\"joint\",\"text\":\"Vår punkt\"}".formatted(own), "application/json");
		assertThat(commitment.status()).as(commitment.toString()).isEqualTo(201);

		Response moved = katrineholmPlanner.put(commitment.header("Location"),
				"{\"promiseId\":%d,\"party\":\"joint\",\"text\":\"Vår punkt\"}".formatted(flenPromise),
				commitment.header("ETag"));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(403);
		Response into = katrineholmPlanner.post("/api/commitments",
				"{\"promiseId\":%d,\"party\":\"joint\",\"text\":\"Inkräktare\"}".formatted(flenPromise),
				"application/json");
		assertThat(into.status()).as(into.toString()).isEqualTo(403);

		// Gone, deleted or with its promise, its history stays Katrineholm's.
		String location = commitment.header("Location");
		assertThat(katrineholmPlanner.delete(location, katrineholmPlanner.get(location).header("ETag")).status())
			.isEqualTo(204);
		assertThat(flenPlanner.get(location + "/history").status()).isEqualTo(403);
		assertThat(katrineholmPlanner.get(location + "/history").status()).isEqualTo(200);
		Response second = katrineholmPlanner.post("/api/commitments",
				"{\"promiseId\":%d,\"party\":\"joint\",\"text\":\"Andra punkten\"}".formatted(own), "application/json");
		String promiseAt = promise.header("Location");
		katrineholmPlanner.delete(promiseAt, katrineholmPlanner.get(promiseAt).header("ETag"));
		assertThat(flenPlanner.get(second.header("Location") + "/history").status()).as("gone with its promise")
			.isEqualTo(403);
	}

	@Test
	void listsHoldTheRequestedMunicipalitysItemsAndTheDefaultIsKatrineholm() {
		List<String> flenPlaces = names(anonymous.get("/api/places?municipality=flen&limit=10000"), "name");
		List<String> defaultPlaces = names(anonymous.get("/api/places?limit=10000"), "name");
		List<String> flenMeasures = names(anonymous.get("/api/measures?municipality=flen&limit=10000"), "title");
		List<String> defaultMeasures = names(anonymous.get("/api/measures?limit=10000"), "title");

		assertThat(flenPlaces).contains("Resecentrum Flen", "Skogsborgs torg").doesNotContain("Stationstorget");
		assertThat(defaultPlaces).contains("Stationstorget").doesNotContain("Resecentrum Flen", "Skogsborgs torg");
		assertThat(names(anonymous.get("/api/places?municipality=katrineholm&limit=10000"), "name"))
			.containsExactlyInAnyOrderElementsOf(defaultPlaces);
		assertThat(flenMeasures).containsExactlyInAnyOrder("Ny belysning vid resecentrum i Flen",
				"Röjning i Stadsparken i Flen");
		assertThat(defaultMeasures).isNotEmpty().doesNotContain("Ny belysning vid resecentrum i Flen");
		assertThat(anonymous.get("/api/periods?municipality=flen").body()).contains("2023").doesNotContain("2021");
		assertThat(anonymous.get("/api/periods").body()).contains("2021");
		assertThat(anonymous.get("/api/config?municipality=flen").json().get("code").stringValue()).isEqualTo("0482");
		assertThat(anonymous.get("/api/config").json().get("slug").stringValue()).isEqualTo("katrineholm");
	}

	@Test
	void twoMunicipalitiesBothHaveACentrumEachWithItsOwnPlaces() {
		List<String> flen = names(anonymous.get("/api/neighbourhoods?municipality=flen"), "slug");
		List<String> katrineholm = names(anonymous.get("/api/neighbourhoods"), "slug");

		assertThat(flen).containsExactlyInAnyOrder("centrum", "skogsborg");
		assertThat(katrineholm).contains("centrum", "norr", "navertorp").doesNotContain("skogsborg");
		assertThat(anonymous.get("/api/neighbourhoods/centrum?municipality=flen").json().get("properties")
			.get("description").stringValue()).contains("Flen");
		assertThat(anonymous.get("/api/neighbourhoods/centrum").json().get("properties").get("description")
			.stringValue()).contains("Katrineholm");
		assertThat(names(anonymous.get("/api/places?municipality=flen&neighbourhood=centrum&limit=10000"), "name"))
			.contains("Resecentrum Flen")
			.doesNotContain("Stationstorget");
		assertThat(names(anonymous.get("/api/places?neighbourhood=centrum&limit=10000"), "name"))
			.contains("Stationstorget")
			.doesNotContain("Resecentrum Flen");
		assertThat(anonymous.get("/api/neighbourhoods/skogsborg").status()).as("not Katrineholm's").isEqualTo(404);
	}

	@Test
	void anUnknownMunicipalityIsNotFoundWhateverTheEndpoint() {
		for (String path : List.of("/api/places?municipality=atlantis", "/api/neighbourhoods?municipality=atlantis",
				"/api/periods?municipality=atlantis", "/api/config?municipality=atlantis")) {
			Response answer = anonymous.get(path);
			assertThat(answer.status()).as(path).isEqualTo(404);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.json().get("code").stringValue()).isEqualTo("unknown_municipality");
		}
		assertThat(anonymous.language("en").get("/api/places?municipality=atlantis").json().get("detail").stringValue())
			.contains("atlantis");
	}

	@Test
	void installationAdminsCreateMunicipalitiesButNotWithAReservedSlug() {
		String body = """
				{"slug": "%s", "code": "%s", "name": "Vingåker", "extent": [15.60, 58.90, 16.05, 59.15]}""";

		Response reserved = admin.post("/api/municipalities", body.formatted("sverige", "0428"), "application/json");
		assertThat(reserved.status()).as(reserved.toString()).isEqualTo(422);
		assertThat(reserved.json().get("errors").get(0).get("code").stringValue()).isEqualTo("reserved_slug");
		assertThat(Municipalities.RESERVED_SLUGS).contains("admin", "api", "sverige", "uppfoljning", "planering");

		Response byPlanner = katrineholmPlanner.post("/api/municipalities", body.formatted("vingaker", "0428"),
				"application/json");
		assertThat(byPlanner.status()).as(byPlanner.toString()).isEqualTo(403);

		Response created = admin.post("/api/municipalities", body.formatted("vingaker", "0428"), "application/json");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(anonymous.get("/api/config?municipality=vingaker").json().get("name").stringValue())
			.isEqualTo("Vingåker");
		assertThat(anonymous.get("/api/places?municipality=vingaker").json().get("numberMatched").intValue()).isZero();
		assertThat(admin.post("/api/municipalities", body.formatted("vingaker", "0428"), "application/json").status())
			.as("the slug is taken").isEqualTo(409);
	}

	@Test
	void aPlaceOutsideFlensExtentIsRefusedInFlen() {
		Response outside = flenPlanner.post("/api/places?municipality=flen",
				PLACE_IN_KATRINEHOLM.formatted("Utanför Flen"));

		assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
		assertThat(outside.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.get("/api/places?municipality=flen&limit=10000").body()).doesNotContain("Utanför Flen");
	}

	@Test
	void linksDoNotCrossMunicipalities() {
		long katrineholmPlace = firstId("/api/places");
		Response measure = flenPlanner.post("/api/measures?municipality=flen", """
				{"type":"Feature","geometry":null,"properties":{"title":"Lånad plats","type":"lighting",
				"owner":"municipality","status":"proposed","placeIds":[%d]}}""".formatted(katrineholmPlace));

		assertThat(measure.status()).as(measure.toString()).isEqualTo(422);
		assertThat(measure.json().get("errors").get(0).get("code").stringValue()).isEqualTo("other_municipality");
	}

	@Test
	void thePoliceOfARegionSeeTheExactIncidentsOfItsMunicipalitiesOnly() {
		Response region = admin.put("/api/admin/regions/sodermanland-test",
				"{\"name\": \"Testregion\", \"municipalities\": [\"flen\"]}", null, "application/json");
		assertThat(region.status()).as(region.toString()).isEqualTo(200);
		assertThat(region.json().get("municipalities").get(0).stringValue()).isEqualTo("flen");
		if (!accounts.exists("polis.region")) {
			accounts.createWithGrants("polis.region", "polis-region-hemligt",
					List.of(new Grant(Role.POLICE, "region:sodermanland-test")));
		}
		ApiClient police = anonymous.as("polis.region", "polis-region-hemligt");
		TestIncidentSources.ensure(katrineholmPlanner, "tenancy-test");

		Response imported = police.post("/api/incident-imports?source=tenancy-test&wait=true&municipality=flen",
				"id;occurred_at;category;lon;lat\nTEN-1;2024-03-01T22:00;vandalism;16.5880;59.0570\n", "text/csv");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("imported").intValue()).isEqualTo(1);

		Response flen = police.get("/api/incidents?municipality=flen&from=2024-01-01&to=2024-12-31");
		assertThat(flen.status()).as(flen.toString()).isEqualTo(200);
		assertThat(flen.body()).contains("TEN-1");
		assertThat(police.get("/api/incidents?from=2024-01-01&to=2024-12-31").status())
			.as("Katrineholm is not in the region").isEqualTo(403);
		assertThat(katrineholmPlanner.get("/api/incidents?from=2024-01-01&to=2024-12-31").body())
			.as("Flen's incident is not Katrineholm's").doesNotContain("TEN-1");
	}

	@Test
	void aMunicipalitysAdminManagesOnlyItsOwnAccounts() {
		if (!accounts.exists("flen.admin")) {
			accounts.createWithGrants("flen.admin", "flen-admin-hemligt",
					List.of(new Grant(Role.ADMIN, Grant.municipality("flen"))));
		}
		ApiClient flenAdmin = anonymous.as("flen.admin", "flen-admin-hemligt");
		String user = """
				{"username": "%s", "password": "Ett långt tillfälligt lösen 42", "%s": ["%s"]}""";

		Response own = flenAdmin.post("/api/admin/users", user.formatted("flen.gis", "grants",
				"planner@municipality:flen"), "application/json");
		Response other = flenAdmin.post("/api/admin/users", user.formatted("kat.gis", "grants",
				"planner@municipality:katrineholm"), "application/json");
		Response installation = flenAdmin.post("/api/admin/users", user.formatted("all.gis", "roles", "planner"),
				"application/json");
		Response unknown = admin.post("/api/admin/users", user.formatted("nowhere.gis", "grants",
				"planner@municipality:atlantis"), "application/json");

		assertThat(own.status()).as(own.toString()).isIn(201, 409);
		assertThat(other.status()).as(other.toString()).isEqualTo(403);
		assertThat(other.json().get("code").stringValue()).isEqualTo("scope_not_yours");
		assertThat(installation.status()).as(installation.toString()).isEqualTo(403);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
		assertThat(names(flenAdmin.get("/api/admin/users"))).contains("flen.gis", "flen").doesNotContain("planner",
				"admin");
		assertThat(flenAdmin.get("/api/admin/users/planner").status()).isEqualTo(403);
		assertThat(accounts.exists("kat.gis")).isFalse();
		// An account with no grant is in no municipality, and the metrics are the installation's.
		if (!accounts.exists("no.grants")) {
			accounts.createWithGrants("no.grants", "no-grants-hemligt", List.of());
		}
		assertThat(flenAdmin.get("/api/admin/users/no.grants").status()).isEqualTo(403);
		assertThat(admin.get("/api/admin/users/no.grants").status()).isEqualTo(200);
		assertThat(flenAdmin.get("/actuator/prometheus").status()).isEqualTo(403);
	}

	private long firstId(String path) {
		return anonymous.get(path).json().get("features").get(0).get("id").longValue();
	}

	private static List<String> names(Response collection, String property) {
		List<String> names = new ArrayList<>();
		collection.json().get("features").forEach(feature -> names.add(feature.get("properties").get(property).stringValue()));
		return names;
	}

	private static List<String> names(Response users) {
		List<String> names = new ArrayList<>();
		for (JsonNode user : users.json()) {
			names.add(user.get("username").stringValue());
		}
		return names;
	}

}
