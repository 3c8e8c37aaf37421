package se.trygghetskartan.tiles;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestIncidentSources;
import se.trygghetskartan.TestPlaces;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Vector tiles over real HTTP from real PostGIS, decoded here, and the caching of public answers. */
@IntegrationTest
class TileApiIT {

	/** Every attribute a public tile may carry, per layer: what the public API shows, nothing more. */
	static final Set<String> PLACE_ATTRIBUTES = Set.of("id", "name", "status");

	static final Set<String> MEASURE_ATTRIBUTES = Set.of("id", "title", "type", "status", "owner", "completedOn");

	static final Set<String> DISTRICT_ATTRIBUTES = Set.of("id", "slug", "name");

	static final Map<String, Set<String>> ATTRIBUTES = Map.of("places", PLACE_ATTRIBUTES, "measures",
			MEASURE_ATTRIBUTES, "districts", DISTRICT_ATTRIBUTES, "incidents", Set.of("cell", "count"));

	// A corner of the municipality no other test draws in, north-east of the town.
	static final double LON = 16.4123;

	static final double LAT = 59.1234;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPublicPlacesTileHoldsPublishedPlacesWithPublicAttributesOnlyAndIsRevalidatedByItsDataVersion() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		long published = TestPlaces.point(planner, "Mörk gångtunnel (tile)", LON, LAT, "poor_lighting", "safety_walk", true);
		long draft = TestPlaces.point(planner, "Utkast (tile)", LON + 0.0005, LAT, "poor_lighting", "safety_walk", false);
		String tile = tilePath("places", 14, LON, LAT);

		HttpResponse<byte[]> first = get(tile, null);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("W/\"history");
		VectorTile.Layer places = VectorTile.read(first.body()).layers().get("places");
		assertThat(places.keys()).containsExactlyInAnyOrderElementsOf(PLACE_ATTRIBUTES);
		assertThat(places.ids()).contains(published).doesNotContain(draft);
		VectorTile.Feature place = places.feature(published);
		assertThat(place.type()).as("a point").isEqualTo(1);
		assertThat(place.attributes()).containsEntry("name", "Mörk gångtunnel (tile)").containsEntry("status", "open")
			.containsEntry("id", published);
		assertThat(places.features()).allSatisfy(f -> assertThat(f.attributes().keySet()).isSubsetOf(PLACE_ATTRIBUTES));

		HttpResponse<byte[]> again = get(tile, etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		assertThat(get(tile, etag + ", W/\"other\"").statusCode()).as("one of a list").isEqualTo(304);
		ApiClient police = new ApiClient(port).as("police", "police");
		assertThat(police.send(police.request(tile).header("If-None-Match", etag).GET()).status())
			.as("the same tile for staff").isEqualTo(304);

		Response current = planner.get("/api/places/" + draft);
		Response publishing = planner.put("/api/places/" + draft + "/published", "{\"published\": true}",
				current.header("ETag"), "application/json");
		assertThat(publishing.status()).as(publishing.toString()).isEqualTo(200);

		HttpResponse<byte[]> changed = get(tile, etag);
		assertThat(changed.statusCode()).as("a change anywhere is a new version").isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
		assertThat(VectorTile.read(changed.body()).layers().get("places").ids()).contains(published, draft);
	}

	@Test
	void measuresShowWherePublicSeesThemAndDistrictsCarryTheirSlugs() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		double lon = LON + 0.01;
		long publishedPlace = TestPlaces.point(planner, "Buskage (tile)", lon, LAT, "overgrown_vegetation",
				"safety_walk", true);
		long draftPlace = TestPlaces.point(planner, "Buskage utkast (tile)", lon + 0.001, LAT, "overgrown_vegetation",
				"safety_walk", false);
		long measure = measure(planner, "Röjning (tile)", true, publishedPlace);
		long draftMeasure = measure(planner, "Röjning utkast (tile)", false, publishedPlace);
		long onlyDraftPlaces = measure(planner, "Röjning vid utkast (tile)", true, draftPlace);

		HttpResponse<byte[]> response = get(tilePath("measures", 14, lon, LAT), null);
		assertThat(response.statusCode()).isEqualTo(200);
		VectorTile.Layer measures = VectorTile.read(response.body()).layers().get("measures");
		assertThat(measures.keys()).isSubsetOf(MEASURE_ATTRIBUTES);
		assertThat(measures.ids()).contains(measure)
			.as("a draft, and a measure seen only where a draft place is")
			.doesNotContain(draftMeasure, onlyDraftPlaces);
		assertThat(measures.feature(measure).attributes()).containsEntry("title", "Röjning (tile)")
			.containsEntry("type", "vegetation")
			.containsEntry("status", "planned");

		// Katrineholm's centre, where the demo's districts are.
		HttpResponse<byte[]> districts = get(tilePath("districts", 12, 16.2175, 59.0028), null);
		VectorTile.Layer layer = VectorTile.read(districts.body()).layers().get("districts");
		assertThat(layer.keys()).containsExactlyInAnyOrderElementsOf(DISTRICT_ATTRIBUTES);
		assertThat(layer.features()).extracting(f -> f.attributes().get("slug")).contains("navertorp", "centrum");
		assertThat(layer.features()).allSatisfy(f -> assertThat(f.type()).as("areas").isEqualTo(3));
	}

	@Test
	void aDistrictImportIsANewVersionOfTheDistrictsTilesAndADryRunIsNot() {
		ApiClient admin = new ApiClient(port).as("admin", "admin");
		String tile = tilePath("districts", 14, LON, LAT);
		String before = get(tile, null).headers().firstValue("ETag").orElseThrow();
		String file = """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"namn":"Tiledistrikt"},
				 "geometry":{"type":"Polygon","coordinates":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}}]}"""
			.formatted(LON - 0.002, LAT - 0.001, LON + 0.002, LAT + 0.001);

		Response dryRun = admin.post("/api/neighbourhoods/import?nameProperty=namn&dryRun=true", file);
		assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
		assertThat(get(tile, before).statusCode()).as("rolled back, counter and all").isEqualTo(304);

		Response imported = admin.post("/api/neighbourhoods/import?nameProperty=namn", file);
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		HttpResponse<byte[]> after = get(tile, before);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(VectorTile.read(after.body()).layers().get("districts").features())
			.extracting(f -> f.attributes().get("slug")).contains("tiledistrikt");
	}

	@Test
	void aTileWithNothingInItIsAnEmptyAnswerAndBadAddressesAreProblems() {
		HttpResponse<byte[]> empty = get("/tiles/places/14/0/0.mvt", null);
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).isEmpty();
		assertThat(empty.headers().firstValue("ETag")).isPresent();

		ApiClient anonymous = new ApiClient(port).language("en");
		Response zoom = anonymous.get("/tiles/places/23/0/0.mvt");
		assertThat(zoom.status()).isEqualTo(400);
		assertThat(zoom.contentType()).startsWith("application/problem+json");
		JsonNode zoomError = zoom.json().get("errors").get(0);
		assertThat(zoomError.get("field").stringValue()).isEqualTo("z");
		assertThat(zoomError.get("code").stringValue()).isEqualTo("out_of_range");

		Response x = anonymous.get("/tiles/places/2/4/0.mvt");
		assertThat(x.status()).isEqualTo(400);
		JsonNode xError = x.json().get("errors").get(0);
		assertThat(xError.get("field").stringValue()).isEqualTo("x");
		assertThat(xError.get("code").stringValue()).isEqualTo("outside_zoom");
		assertThat(xError.get("reason").stringValue()).isEqualTo("Zoom level 2 has tiles 0–3, not 4.");

		Response y = new ApiClient(port).get("/tiles/places/3/0/-1.mvt");
		assertThat(y.status()).isEqualTo(400);
		assertThat(y.json().get("errors").get(0).get("reason").stringValue())
			.isEqualTo("På zoomnivå 3 finns rutorna 0–7, inte -1.");
		assertThat(anonymous.get("/tiles/places/a/0/0.mvt").status()).isEqualTo(400);
		assertThat(anonymous.get("/tiles/places/3/99999999999/0.mvt").status()).isEqualTo(400);

		Response unknown = anonymous.get("/tiles/secrets/1/0/0.mvt");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	void eachLayerHasATileJsonDocumentWhoseUrlGivesItsTiles() {
		ApiClient anonymous = new ApiClient(port);
		for (String layer : ATTRIBUTES.keySet()) {
			Response answer = anonymous.get("/tiles/" + layer + ".json");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.header("Cache-Control")).isEqualTo("max-age=60, public");
			JsonNode document = answer.json();
			assertThat(document.get("tilejson").stringValue()).isEqualTo("3.0.0");
			String template = document.get("tiles").get(0).stringValue();
			assertThat(template).isEqualTo("http://localhost:" + port + "/tiles/" + layer + "/{z}/{x}/{y}.mvt");
			assertThat(document.get("minzoom").intValue()).isEqualTo(layer.equals("incidents") ? 10 : 0);
			assertThat(document.get("maxzoom").intValue()).isEqualTo(22);
			JsonNode bounds = document.get("bounds");
			assertThat(bounds).hasSize(4);
			assertThat(bounds.get(0).doubleValue()).isLessThan(bounds.get(2).doubleValue());
			JsonNode vectorLayer = document.get("vector_layers").get(0);
			assertThat(vectorLayer.get("id").stringValue()).isEqualTo(layer);
			assertThat(vectorLayer.get("fields").propertyNames()).containsExactlyInAnyOrderElementsOf(ATTRIBUTES.get(layer));

			String url = template.replace("{z}", "12").replace("{x}", "2232").replace("{y}", "1211")
				.substring(("http://localhost:" + port).length());
			HttpResponse<byte[]> tile = get(url, null);
			assertThat(tile.statusCode()).isEqualTo(200);
			assertThat(VectorTile.read(tile.body()).layers().keySet()).isSubsetOf(Set.of(layer));
		}
		assertThat(anonymous.get("/tiles/secrets.json").status()).isEqualTo(404);
	}

	@Test
	void publicListsAreCachedAndRevalidatedWhileStaffAnswersAreNeverStored() {
		ApiClient anonymous = new ApiClient(port);
		ApiClient planner = anonymous.as("planner", "planner");
		String list = "/api/places?bbox=16.40,59.11,16.43,59.13";

		Response first = anonymous.get(list);
		assertThat(first.status()).isEqualTo(200);
		// Browsers ask again each time (a reload shows what was just published), proxies keep it a minute.
		assertThat(first.header("Cache-Control")).isEqualTo("max-age=0, must-revalidate, public, s-maxage=60");
		assertThat(first.raw().headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Cookie"))
			.anySatisfy(v -> assertThat(v).contains("Authorization"));
		String etag = first.header("ETag");
		assertThat(etag).startsWith("W/\"history");
		Response again = anonymous.send(anonymous.request(list).header("If-None-Match", etag).GET());
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.header("Cache-Control")).isEqualTo("max-age=0, must-revalidate, public, s-maxage=60");

		Response staff = planner.send(planner.request(list).header("If-None-Match", etag).GET());
		assertThat(staff.status()).as("staff see drafts: never the public's copy").isEqualTo(200);
		assertThat(staff.header("Cache-Control")).isEqualTo("no-store");
		assertThat(staff.header("ETag")).isNull();

		TestPlaces.point(planner, "Ny plats (lista)", 16.415, 59.12, "poor_lighting", "safety_walk", true);
		Response changed = anonymous.send(anonymous.request(list).header("If-None-Match", etag).GET());
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		assertThat(changed.body()).contains("Ny plats (lista)");

		for (String other : new String[] { "/api/measures?bbox=16.40,59.11,16.43,59.13", "/api/neighbourhoods",
				"/api/activities", "/api/places/clusters?bbox=16.0,58.9,16.5,59.2&zoom=12",
				"/api/measures/clusters?bbox=16.0,58.9,16.5,59.2&zoom=12" }) {
			Response answer = anonymous.get(other);
			assertThat(answer.status()).as(other).isEqualTo(200);
			assertThat(answer.header("ETag")).as(other).startsWith("W/\"history");
			assertThat(anonymous.send(anonymous.request(other).header("If-None-Match", answer.header("ETag")).GET())
				.status()).as(other).isEqualTo(304);
			assertThat(planner.get(other).header("Cache-Control")).as(other).isEqualTo("no-store");
		}
	}

	@Test
	void theIncidentGridTilesShowWhatThePrivacyRulePublishesAndAnImportAndItsUndoCountItsVersionUp() {
		ApiClient anonymous = new ApiClient(port);
		ApiClient planner = anonymous.as("planner", "planner");
		String source = TestIncidentSources.ensure(planner, "tile-version-test");
		String statistics = "/api/incident-statistics?year=2018";
		String tile = tilePath("incidents", 14, LON, LAT) + "?year=2018";
		String before = anonymous.get(statistics).header("ETag");
		assertThat(before).startsWith("W/\"incident");
		assertThat(anonymous.send(anonymous.request(statistics).header("If-None-Match", before).GET()).status())
			.isEqualTo(304);
		String tileBefore = get(tile, null).headers().firstValue("ETag").orElseThrow();

		// Five in one square (published), four in another (withheld).
		StringBuilder csv = new StringBuilder("id;occurred_at;category;lon;lat\n");
		for (int i = 0; i < 5; i++) {
			csv.append("TV-").append(i).append(";2018-05-0").append(i + 1).append("T22:00;vandalism;")
				.append(LON).append(';').append(LAT).append('\n');
		}
		for (int i = 0; i < 4; i++) {
			csv.append("TW-").append(i).append(";2018-05-0").append(i + 1).append("T22:00;vandalism;")
				.append(LON + 0.006).append(';').append(LAT).append('\n');
		}
		Response imported = planner.post("/api/incident-imports?source=" + source + "&wait=true", csv.toString(),
				"text/csv");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		String afterImport = anonymous.get(statistics).header("ETag");
		assertThat(afterImport).isNotEqualTo(before);

		HttpResponse<byte[]> withSquares = get(tile, tileBefore);
		assertThat(withSquares.statusCode()).isEqualTo(200);
		VectorTile.Layer squares = VectorTile.read(withSquares.body()).layers().get("incidents");
		assertThat(squares.keys()).containsExactlyInAnyOrder("cell", "count");
		assertThat(squares.features()).as("the square of five, not the square of four").singleElement()
			.satisfies(square -> {
				assertThat(square.type()).isEqualTo(3);
				assertThat(square.attributes().get("count")).isEqualTo(5L);
			});
		assertThat(get(tilePath("incidents", 9, LON, LAT) + "?year=2018", null).body()).as("below zoom 10")
			.isEmpty();
		assertThat(new ApiClient(port).get(tile + "&month=13").status()).isEqualTo(400);
		assertThat(new ApiClient(port).get(tile + "&category=nothing").status()).isEqualTo(400);
		assertThat(anonymous.get("/tiles/incidents.json").json().get("minzoom").intValue()).isEqualTo(10);

		long id = imported.json().get("id").longValue();
		assertThat(planner.delete("/api/incident-imports/" + id, null).status()).isEqualTo(204);
		String afterUndo = anonymous.get(statistics).header("ETag");
		assertThat(afterUndo).isNotEqualTo(afterImport).isNotEqualTo(before);
		assertThat(get(tile, null).body()).as("undone").isEmpty();
		assertThat(planner.get(statistics).header("Cache-Control")).as("the same counts for everyone")
			.isEqualTo("max-age=60, public");
	}

	private long measure(ApiClient planner, String title, boolean published, long placeId) {
		Response created = planner.post("/api/measures", """
				{"type":"Feature","geometry":null,"properties":{"title":"%s","type":"vegetation","owner":"municipality",
				"status":"planned","placeIds":[%d],"published":%s}}""".formatted(title, placeId, published));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").longValue();
	}

	/** The path of the tile at zoom {@code z} that holds the point. */
	static String tilePath(String layer, int z, double lon, double lat) {
		double n = 1 << z;
		int x = (int) Math.floor((lon + 180) / 360 * n);
		double radians = Math.toRadians(lat);
		int y = (int) Math.floor((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2 * n);
		return "/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt";
	}

	private HttpResponse<byte[]> get(String path, String ifNoneMatch) {
		HttpRequest.Builder request = new ApiClient(port).request(path).GET();
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
