package se.trygghetskartan.ogcapi;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.BrowserClient;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.account.AccountService;
import se.trygghetskartan.account.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * OGC API – Features Part 4 over real HTTP, as QGIS edits a layer: OPTIONS to learn whether it may,
 * POST in SWEREF 99 TM with Content-Crs, PATCH as merge patch, PUT, DELETE; with /api's rules for
 * bad input, tenancy and versions.
 */
@IntegrationTest
class OgcEditIT extends ApiTest {

	static final String EPSG_3006 = "http://www.opengis.net/def/crs/EPSG/0/3006";

	static final String PLACES = "/ogc/collections/places/items";

	static final String MEASURES = "/ogc/collections/measures/items";

	// In Nävertorp, Katrineholm, in SWEREF 99 TM as the CRS defines its axes: northing, easting.
	static final double NORTHING = 6540469.137;

	static final double EASTING = 570708.312;

	static final String PLACE_3006 = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
			 "properties":{"name":"%s","reasons":["poor_lighting"],"source":"safety_walk"}}""";

	static final String FLEN_PLACE = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[16.5920,59.0570]},
			 "properties":{"name":"%s","reasons":["poor_lighting"],"source":"resident"}}""";

	static final String BOWTIE = """
			{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[16.2300,58.9975],[16.2315,58.9983],
			[16.2315,58.9975],[16.2300,58.9983],[16.2300,58.9975]]]},
			"properties":{"name":"Fluga","reasons":["poor_lighting"],"source":"safety_walk"}}""";

	@Autowired
	AccountService accounts;

	@Test
	void qgisEditsAPlaceInSwerefAndThePublicMapShowsItInTheRightSpot() {
		qgisEditsAPlace(planner, "/ogc", "katrineholm", NORTHING, EASTING);
	}

	// QGIS keeps the connection's query on its GETs alone: under Flen's own prefix its writes are Flen's.
	@Test
	void qgisEditsFlensPlacesUnderFlensOwnPrefixWithoutAnyQuery() {
		double[] inFlen = jdbc.sql("""
				SELECT round(ST_Y(g)::numeric, 3), round(ST_X(g)::numeric, 3)
				FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(16.5920, 59.0570), 4326), 3006) AS g) t""")
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();

		qgisEditsAPlace(anonymous.as("flen", "flen"), "/flen/ogc", "flen", inFlen[0], inFlen[1]);
	}

	@Test
	void aKatrineholmPlannerMayNotEditUnderFlensPrefixAndTheAnonymousNowhere() {
		String places = "/flen/ogc/collections/places/items";
		long flenPlace = anonymous.get("/api/places?municipality=flen").json().get("features").get(0).get("id").longValue();
		String etag = anonymous.get("/api/places/" + flenPlace).header("ETag");
		long before = count("unsafe_place");

		Response posted = send(planner.request(places).header("Content-Type", "application/geo+json")
			.POST(body(FLEN_PLACE.formatted("Kapad i Flen"))));
		Response patched = patch(planner, places + "/" + flenPlace, "{\"properties\":{\"name\":\"Kapad\"}}");
		Response anonymousPost = anonymous.post(places, FLEN_PLACE.formatted("Anonym i Flen"));
		Response anonymousPatch = patch(anonymous, places + "/" + flenPlace, "{\"properties\":{\"name\":\"Anonym\"}}");

		assertThat(allowed(planner, places)).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(allowed(planner, places + "/unknown_id")).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(allowed(anonymous, places)).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(List.of(posted, patched)).allSatisfy(refused -> {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		});
		assertThat(List.of(anonymousPost, anonymousPatch)).allSatisfy(refused -> {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		});
		assertThat(count("unsafe_place")).isEqualTo(before);
		assertThat(anonymous.get("/api/places/" + flenPlace).header("ETag")).as("nothing changed").isEqualTo(etag);
		assertThat(allowed(planner, "/katrineholm/ogc/collections/places/items")).contains("POST");
	}

	@Test
	void underAPrefixAnUnknownMunicipalityIs404AndAnotherInTheQueryIs400() {
		ApiClient flen = anonymous.as("flen", "flen");
		long before = count("unsafe_place");

		Response unknown = flen.post("/ingenstans/ogc/collections/places/items", FLEN_PLACE.formatted("Ingenstans"));
		Response reserved = send(flen.request("/sverige/ogc/collections/places/items")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		Response contradicted = flen.post("/flen/ogc/collections/places/items?municipality=katrineholm",
				FLEN_PLACE.formatted("Motsägelse"));

		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(reserved.status()).as(reserved.toString()).isEqualTo(404);
		assertThat(contradicted.status()).as(contradicted.toString()).isEqualTo(400);
		assertThat(contradicted.json().get("errors").get(0).get("code").stringValue()).isEqualTo("not_the_prefix");
		assertThat(count("unsafe_place")).isEqualTo(before);
		Response repeated = flen.post("/flen/ogc/collections/places/items?municipality=flen",
				FLEN_PLACE.formatted("Samma kommun två gånger"));
		assertThat(repeated.status()).as(repeated.toString()).isEqualTo(201);
		assertThat(path(repeated)).as("the prefix alone names it").matches("/flen/ogc/collections/places/items/\\d+");
		assertThat(send(flen.request(path(repeated)).DELETE()).status()).isEqualTo(204);
	}

	/**
	 * What QGIS does to edit a layer of the service at {@code base}: OPTIONS, POST in SWEREF 99 TM,
	 * follow Location, GET in SWEREF 99 TM, PATCH the name, PUT a moved geometry, DELETE; the place is
	 * the municipality's.
	 */
	private void qgisEditsAPlace(ApiClient gis, String base, String municipality, double northing, double easting) {
		String places = base + "/collections/places/items";
		assertThat(allowed(gis, places)).contains("GET", "HEAD", "OPTIONS", "POST");
		assertThat(allowed(gis, places + "/unknown_id")).contains("GET", "PUT", "PATCH", "DELETE");

		Response created = send(gis.request(places).header("Content-Type", "application/geo+json")
			.header("Content-Crs", EPSG_3006)
			.POST(body(PLACE_3006.formatted(northing, easting, "Mörk gång från QGIS"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.header("Location")).matches("http://localhost:" + port + places + "/\\d+");
		String location = path(created);
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		assertThat(jdbc.sql("SELECT m.slug FROM unsafe_place p JOIN municipality m ON m.id = p.municipality_id "
				+ "WHERE p.id = :id").param("id", id).query(String.class).single()).isEqualTo(municipality);
		assertThat(sweref(id)).as("stored as sent, to the millimetre").containsExactly(new double[] { northing, easting },
				within(0.001));
		Response read = gis.get(location + "?crs=" + EPSG_3006);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.header("Content-Crs")).isEqualTo("<" + EPSG_3006 + ">");
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		assertThat(coordinates(read)).as("the same coordinates back, northing first").containsExactly(
				new double[] { northing, easting }, within(0.001));
		double[] lonLat = jdbc.sql("""
				SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(:e, :n), 3006), 4326) AS g) t""")
			.param("e", easting)
			.param("n", northing)
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();
		JsonNode onMap = feature(anonymous.get("/api/places?municipality=" + municipality + "&limit=10000&bbox="
				+ (lonLat[0] - 0.01) + "," + (lonLat[1] - 0.01) + "," + (lonLat[0] + 0.01) + "," + (lonLat[1] + 0.01)), id);
		assertThat(onMap.get("properties").get("name").stringValue()).isEqualTo("Mörk gång från QGIS");
		assertThat(onMap.get("geometry").get("coordinates").get(0).doubleValue()).isCloseTo(lonLat[0], within(1e-7));
		assertThat(onMap.get("geometry").get("coordinates").get(1).doubleValue()).isCloseTo(lonLat[1], within(1e-7));

		Response renamed = send(gis.request(location).header("Content-Type", OgcItemEditController.MERGE_PATCH_VALUE)
			.method("PATCH", body("{\"properties\":{\"name\":\"Mörk gång, omdöpt i QGIS\"}}")));
		assertThat(renamed.status()).as(renamed.toString()).isIn(200, 204);
		assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
		JsonNode place = gis.get("/api/places/" + id).json();
		assertThat(place.get("properties").get("name").stringValue()).isEqualTo("Mörk gång, omdöpt i QGIS");
		assertThat(place.get("properties").get("reasons").get(0).stringValue()).as("the rest kept")
			.isEqualTo("poor_lighting");
		assertThat(sweref(id)).as("a new name moves nothing").containsExactly(new double[] { northing, easting },
				within(0.000_01));

		Response moved = send(gis.request(location).header("Content-Type", "application/geo+json")
			.header("Content-Crs", "<" + EPSG_3006 + ">")
			.PUT(body(PLACE_3006.formatted(northing + 12.5, easting - 3.25, "Mörk gång, flyttad"))));
		assertThat(moved.status()).as(moved.toString()).isIn(200, 204);
		assertThat(moved.header("ETag")).isEqualTo("\"2\"");
		assertThat(sweref(id)).containsExactly(new double[] { northing + 12.5, easting - 3.25 }, within(0.001));
		Response reread = anonymous.get(location + "?crs=" + EPSG_3006);
		assertThat(reread.header("ETag")).isEqualTo("\"2\"");
		assertThat(reread.json().get("properties").get("name").stringValue()).isEqualTo("Mörk gång, flyttad");
		assertThat(coordinates(reread)).containsExactly(new double[] { northing + 12.5, easting - 3.25 }, within(0.001));
		assertThat(history(id)).containsExactly("created", "updated", "updated");

		Response deleted = send(gis.request(location).DELETE());
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(anonymous.get("/api/places/" + id).status()).isEqualTo(404);
		assertThat(gis.get(location).status()).isEqualTo(404);
		assertThat(history(id)).containsExactly("created", "updated", "updated", "deleted");
	}

	@Test
	void measuresArePostedInLatitudeLongitudeAndPatchedByPropertiesOrGeometryAlone() {
		String measure = """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[58.9979,16.2307]},
				 "properties":{"title":"Belysning från QGIS","type":"lighting","owner":"municipality","status":"proposed"}}""";
		Response created = send(planner.request(MEASURES).header("Content-Type", "application/json")
			.header("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/4326>")
			.POST(body(measure)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String location = path(created);
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		JsonNode stored = planner.get("/api/measures/" + id).json();
		assertThat(stored.get("geometry").get("coordinates").get(0).doubleValue()).isEqualTo(16.2307);
		assertThat(stored.get("geometry").get("coordinates").get(1).doubleValue()).isEqualTo(58.9979);

		Response planned = patch(planner, location, "{\"properties\":{\"status\":\"planned\",\"description\":\"Två stolpar\"}}");
		assertThat(planned.status()).as(planned.toString()).isIn(200, 204);
		stored = planner.get("/api/measures/" + id).json();
		assertThat(stored.get("properties").get("status").stringValue()).isEqualTo("planned");
		assertThat(stored.get("properties").get("title").stringValue()).isEqualTo("Belysning från QGIS");
		assertThat(stored.get("properties").get("geometrySource").stringValue()).isEqualTo("own");
		assertThat(stored.get("geometry").get("coordinates").get(0).doubleValue()).isEqualTo(16.2307);

		Response moved = patch(planner, location, "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[16.2310,58.9980]}}");
		assertThat(moved.status()).as(moved.toString()).isIn(200, 204);
		assertThat(moved.header("ETag")).isEqualTo("\"2\"");
		stored = planner.get("/api/measures/" + id).json();
		assertThat(stored.get("geometry").get("coordinates").get(0).doubleValue()).isEqualTo(16.2310);
		assertThat(stored.get("properties").get("description").stringValue()).isEqualTo("Två stolpar");

		Response cleared = patch(planner, location, "{\"properties\":{\"description\":null}}");
		assertThat(cleared.status()).isIn(200, 204);
		assertThat(planner.get("/api/measures/" + id).json().get("properties").get("description").isNull())
			.as("null removes, as RFC 7396 says").isTrue();
		assertThat(send(planner.request(location).DELETE()).status()).isEqualTo(204);
	}

	@Test
	void ifMatchIsHonouredWhenSentAndAStaleVersionIsRefused() {
		String location = postPlace(planner, "Versioner");

		Response stale = send(planner.request(location).header("Content-Type", OgcItemEditController.MERGE_PATCH_VALUE)
			.header("If-Match", "\"7\"")
			.method("PATCH", body("{\"properties\":{\"name\":\"Skriver över\"}}")));
		Response stalePut = send(planner.request(location).header("Content-Type", "application/geo+json")
			.header("Content-Crs", EPSG_3006)
			.header("If-Match", "\"3\"")
			.PUT(body(PLACE_3006.formatted(NORTHING, EASTING, "Skriver också över"))));
		Response current = send(planner.request(location).header("Content-Type", OgcItemEditController.MERGE_PATCH_VALUE)
			.header("If-Match", "\"0\"")
			.method("PATCH", body("{\"properties\":{\"name\":\"Rätt version\"}}")));

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(stale.json().get("currentVersion").intValue()).isZero();
		assertThat(stalePut.status()).isEqualTo(412);
		assertThat(current.status()).as(current.toString()).isIn(200, 204);
		assertThat(current.header("ETag")).isEqualTo("\"1\"");
		assertThat(anonymous.get("/api/places/" + idOf(location)).json().get("properties").get("name").stringValue())
			.isEqualTo("Rätt version");
	}

	@Test
	void badInputGetsTheSameProblemAsTheApiAndNothingIsStored() {
		long before = count("unsafe_place");

		Response ogc = planner.post(PLACES, BOWTIE);
		Response api = planner.post("/api/places", BOWTIE);
		Response noSource = planner.post(PLACES, BOWTIE.replace(",\"source\":\"safety_walk\"", ""));
		Response unknownCrs = send(planner.request(PLACES).header("Content-Type", "application/geo+json")
			.header("Content-Crs", "http://www.opengis.net/def/crs/EPSG/0/3857")
			.POST(body(PLACE_3006.formatted(NORTHING, EASTING, "Fel CRS"))));
		Response lonLatAs3006 = send(planner.request(PLACES).header("Content-Type", "application/geo+json")
			.header("Content-Crs", EPSG_3006)
			.POST(body(PLACE_3006.formatted(16.2307, 58.9979, "Grader som meter"))));

		assertThat(ogc.status()).isEqualTo(422);
		assertThat(ogc.contentType()).startsWith("application/problem+json");
		assertThat(ogc.json().get("errors")).isEqualTo(api.json().get("errors"));
		assertThat(ogc.json().get("errors").get(0).get("code").stringValue()).isEqualTo("self_intersection");
		assertThat(noSource.status()).isEqualTo(422);
		assertThat(noSource.json().get("errors").toString()).contains("properties.source");
		assertThat(unknownCrs.status()).isEqualTo(400);
		assertThat(unknownCrs.json().get("errors").get(0).get("code").stringValue()).isEqualTo("unsupported_crs");
		assertThat(lonLatAs3006.status()).isEqualTo(422);
		assertThat(count("unsafe_place")).isEqualTo(before);

		String location = postPlace(planner, "Rörs inte");
		Response badPatch = patch(planner, location, "{\"geometry\":" + BOWTIE.substring(BOWTIE.indexOf("{\"type\":\"Polygon\""),
				BOWTIE.indexOf("},") + 1) + "}");
		assertThat(badPatch.status()).as(badPatch.toString()).isEqualTo(422);
		assertThat(sweref(idOf(location))).containsExactly(new double[] { NORTHING, EASTING }, within(0.001));
		assertThat(history(idOf(location))).containsExactly("created");
	}

	@Test
	void aKatrineholmPlannerMayNotEditFlensPlacesAndIsToldSoByOptions() {
		long flenPlace = anonymous.get("/api/places?municipality=flen").json().get("features").get(0).get("id").longValue();
		String item = PLACES + "/" + flenPlace;
		String etag = anonymous.get("/api/places/" + flenPlace).header("ETag");

		Response patched = patch(planner, item, "{\"properties\":{\"name\":\"Kapad\"}}");
		Response deleted = send(planner.request(item).DELETE());

		assertThat(patched.status()).isEqualTo(403);
		assertThat(patched.contentType()).startsWith("application/problem+json");
		assertThat(deleted.status()).isEqualTo(403);
		assertThat(anonymous.get("/api/places/" + flenPlace).header("ETag")).as("nothing changed").isEqualTo(etag);
		assertThat(allowed(planner, item)).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(allowed(anonymous.as("flen", "flen"), item)).contains("PUT", "PATCH", "DELETE");
		assertThat(allowed(planner, PLACES + "?municipality=flen")).containsExactly("GET", "HEAD", "OPTIONS");

		ApiClient flen = anonymous.as("flen", "flen");
		Response inFlen = send(flen.request(PLACES + "?municipality=flen").header("Content-Type", "application/geo+json")
			.POST(body(FLEN_PLACE.formatted("Flen via OGC"))));
		assertThat(inFlen.status()).as(inFlen.toString()).isEqualTo(201);
		assertThat(inFlen.header("Location")).endsWith("?municipality=flen");
		assertThat(send(flen.request(path(inFlen)).DELETE()).status()).isEqualTo(204);
	}

	@Test
	void anonymousWritesAreRefusedWith401AndChangeNothing() {
		String location = postPlace(planner, "Anonymt skydd");
		long places = count("unsafe_place");
		long measures = count("measure");

		List<Response> refused = List.of(anonymous.post(PLACES, PLACE_3006.formatted(16.2307, 58.9979, "Anonym")),
				anonymous.post(MEASURES, "{}"), patch(anonymous, location, "{\"properties\":{\"name\":\"Anonym\"}}"),
				send(anonymous.request(location).header("Content-Type", "application/geo+json")
					.PUT(body(PLACE_3006.formatted(16.2307, 58.9979, "Anonym")))),
				send(anonymous.request(location).DELETE()));

		assertThat(refused).allSatisfy(response -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});
		assertThat(allowed(anonymous, PLACES)).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(allowed(anonymous, location)).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(allowed(anonymous.as("police", "police"), PLACES)).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(allowed(planner, "/ogc/collections/neighbourhoods/items")).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(count("unsafe_place")).isEqualTo(places);
		assertThat(count("measure")).isEqualTo(measures);
		assertThat(history(idOf(location))).containsExactly("created");
	}

	@Test
	void aPersonalAccessTokenWorksAsTheBasicPasswordAndAsBearer() {
		accounts.create("ogc-gis", "Skript-och-kartor-42", List.of(Role.PLANNER));
		BrowserClient browser = BrowserClient.on(port);
		assertThat(browser.logIn("ogc-gis", "Skript-och-kartor-42").header("Location")).doesNotContain("error");
		String token = browser.post("/api/account/tokens", """
				{"name": "QGIS", "expiresOn": "%s"}""".formatted(java.time.LocalDate.now().plusDays(30)))
			.json()
			.get("token")
			.stringValue();

		ApiClient qgis = anonymous.as("ogc-gis", token);
		assertThat(allowed(qgis, PLACES)).contains("POST");
		String location = postPlace(qgis, "Med token");
		assertThat(planner.get("/api/places/" + idOf(location)).json().get("properties").get("createdBy").stringValue())
			.isEqualTo("ogc-gis");
		assertThat(patch(anonymous.bearer(token), location, "{\"properties\":{\"name\":\"Med bärartoken\"}}").status())
			.isIn(200, 204);
		assertThat(patch(anonymous.as("ogc-gis", "fel-token"), location, "{\"properties\":{\"name\":\"Fel\"}}").status())
			.isEqualTo(401);
	}

	@Test
	void anItemThatIsNotThereIs404AndOtherCollectionsAreReadOnly() {
		assertThat(patch(planner, PLACES + "/999999999", "{\"properties\":{\"name\":\"x\"}}").status()).isEqualTo(404);
		assertThat(send(planner.request(PLACES + "/unknown_id").DELETE()).status()).isEqualTo(404);
		Response other = planner.post("/ogc/collections/neighbourhoods/items", BOWTIE);
		assertThat(other.status()).isEqualTo(405);
		assertThat(other.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theApiDefinitionNamesTheWritesOfPlacesAndMeasuresOnly() {
		JsonNode paths = anonymous.get("/ogc/api").json().get("paths");

		assertThat(paths.get("/collections/places/items").has("post")).isTrue();
		assertThat(paths.get("/collections/measures/items/{featureId}").get("patch").get("requestBody").get("content")
			.has(OgcItemEditController.MERGE_PATCH_VALUE)).isTrue();
		assertThat(paths.get("/collections/places/items/{featureId}").has("put")).isTrue();
		assertThat(paths.get("/collections/places/items/{featureId}").has("delete")).isTrue();
		assertThat(paths.get("/collections/neighbourhoods/items").has("post")).isFalse();
	}

	private String postPlace(ApiClient client, String name) {
		Response created = send(client.request(PLACES).header("Content-Type", "application/geo+json")
			.header("Content-Crs", EPSG_3006)
			.POST(body(PLACE_3006.formatted(NORTHING, EASTING, name))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return path(created);
	}

	/** The path (and query) of the absolute Location a POST answered. */
	private String path(Response created) {
		return created.header("Location").replace("http://localhost:" + port, "");
	}

	private static Response patch(ApiClient client, String path, String patch) {
		return send(client.request(path).header("Content-Type", OgcItemEditController.MERGE_PATCH_VALUE)
			.method("PATCH", body(patch)));
	}

	/** The verbs OPTIONS allows, in order. */
	private static List<String> allowed(ApiClient client, String path) {
		Response options = send(client.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(options.status()).as(options.toString()).isIn(200, 204);
		return Arrays.stream(options.header("Allow").split(",")).map(String::strip).toList();
	}

	private static Response send(HttpRequest.Builder request) {
		return new ApiClient(0).send(request);
	}

	private static HttpRequest.BodyPublisher body(String text) {
		return HttpRequest.BodyPublishers.ofString(text);
	}

	private static long idOf(String location) {
		String path = location.replaceAll("\\?.*", "");
		return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
	}

	private static double[] coordinates(Response feature) {
		JsonNode point = feature.json().get("geometry").get("coordinates");
		return new double[] { point.get(0).doubleValue(), point.get(1).doubleValue() };
	}

	private static JsonNode feature(Response collection, long id) {
		for (JsonNode feature : collection.json().get("features")) {
			if (feature.get("id").longValue() == id) {
				return feature;
			}
		}
		throw new AssertionError("no feature " + id + " in " + collection);
	}

	/** The place's point in SWEREF 99 TM as PostGIS transforms it: northing, easting. */
	private double[] sweref(long id) {
		return jdbc.sql("SELECT ST_Y(g), ST_X(g) FROM (SELECT ST_Transform(geom, 3006) AS g FROM unsafe_place WHERE id = :id) t")
			.param("id", id)
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();
	}

	private List<String> history(long id) {
		return jdbc.sql("SELECT action FROM change_record WHERE subject_type = 'place' AND subject_id = :id ORDER BY version, id")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
