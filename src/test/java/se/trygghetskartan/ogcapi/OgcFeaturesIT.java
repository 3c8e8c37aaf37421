package se.trygghetskartan.ogcapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestPlaces;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) and Part 2 (CRS), written from the
 * standard's abstract test suites (the ids of its tests in the names' comments), over real HTTP on
 * the demo data.
 */
@IntegrationTest
class OgcFeaturesIT extends ApiTest {

	private static final String EPSG_3006 = "http://www.opengis.net/def/crs/EPSG/0/3006";

	private static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";

	private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

	// /conf/core/landingpage-op, landingpage-success
	@Test
	void theLandingPageLinksItselfTheApiDefinitionConformanceAndTheData() {
		Response landing = anonymous.get("/ogc");

		assertThat(landing.status()).isEqualTo(200);
		assertThat(landing.contentType()).startsWith("application/json");
		JsonNode links = landing.json().get("links");
		assertThat(rels(links)).contains("self", "alternate", "service-desc", "service-doc", "conformance", "data");
		assertThat(link(links, "service-desc").get("type").asString())
			.isEqualTo("application/vnd.oai.openapi+json;version=3.0");
		assertThat(link(links, "service-doc").get("type").asString()).isEqualTo("text/html");
		assertThat(anonymous.get("/ogc/").status()).isEqualTo(200);
	}

	// /conf/core/api-definition-op, api-definition-success; /conf/oas30/oas-definition-1
	@Test
	void theApiDefinitionIsOpenApi30AndNamesEveryCollectionsPathsAndFilters() {
		String href = link(anonymous.get("/ogc").json().get("links"), "service-desc").get("href").asString();
		Response definition = anonymous.get(href.substring(href.indexOf("/ogc")));

		assertThat(definition.status()).isEqualTo(200);
		assertThat(definition.contentType()).startsWith("application/vnd.oai.openapi+json;version=3.0");
		JsonNode api = definition.json();
		assertThat(api.get("openapi").asString()).startsWith("3.0");
		assertThat(names(api.get("paths"))).contains("/", "/conformance", "/collections", "/collections/places",
				"/collections/places/items", "/collections/places/items/{featureId}", "/collections/measures/items")
			.doesNotContain("/collections/incidents/items");
		assertThat(api.get("paths").get("/collections/measures/items").get("get").get("parameters").toString())
			.contains("\"name\":\"status\"", "limit", "bbox", "crs");
		assertThat(api.at("/components/parameters/limit/schema/maximum").asInt()).isEqualTo(10_000);
		Response doc = anonymous.get("/ogc/api?f=html");
		assertThat(doc.contentType()).startsWith("text/html");
		assertThat(doc.body()).contains("<html lang=\"sv\"", "/collections/places/items");
	}

	// /conf/core/conformance-op, conformance-success
	@Test
	void conformanceDeclaresExactlyTheClassesBuilt() {
		Response conformance = anonymous.get("/ogc/conformance");

		assertThat(conformance.status()).isEqualTo(200);
		List<String> classes = new ArrayList<>();
		conformance.json().get("conformsTo").forEach(uri -> classes.add(uri.asString()));
		assertThat(classes).containsExactlyInAnyOrder("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
				"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
				"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
				"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
				"http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
				"http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
				"http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
				"http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features");
	}

	// /conf/core/fc-md-op, fc-md-success, fc-md-links, fc-md-items, fc-md-extent; /conf/crs/crs-list
	@Test
	void collectionsListThePublicOnesWithItemsLinksExtentAndTheirCrss() {
		Response collections = anonymous.get("/ogc/collections");

		assertThat(collections.status()).isEqualTo(200);
		JsonNode all = collections.json().get("collections");
		assertThat(ids(all)).containsExactly("places", "measures", "neighbourhoods", "activities",
				"incident-statistics");
		for (JsonNode collection : all) {
			assertThat(rels(collection.get("links"))).contains("items");
			assertThat(collection.at("/extent/spatial/bbox/0").size()).isEqualTo(4);
			assertThat(strings(collection.get("crs"))).containsExactly(CRS84, EPSG_4326, EPSG_3006);
			assertThat(collection.get("storageCrs").asString()).isEqualTo(CRS84);
			Response one = anonymous.get("/ogc/collections/" + collection.get("id").asString());
			assertThat(one.status()).isEqualTo(200);
			assertThat(one.json().get("id").asString()).isEqualTo(collection.get("id").asString());
		}
		assertThat(anonymous.get("/ogc/collections/no-such").status()).isEqualTo(404);
	}

	// /conf/core/fc-op, fc-response, fc-links, fc-timeStamp, fc-numberMatched, fc-numberReturned; /conf/geojson/content
	@Test
	void itemsAreGeoJsonWithIdsCountsTimeStampAndLinks() {
		Response items = anonymous.get("/ogc/collections/places/items");

		assertThat(items.status()).isEqualTo(200);
		assertThat(items.contentType()).startsWith("application/geo+json");
		assertThat(items.header("Content-Crs")).isEqualTo("<" + CRS84 + ">");
		JsonNode page = items.json();
		assertThat(page.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(page.get("timeStamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(page.get("numberReturned").asInt()).isEqualTo(10).isEqualTo(page.get("features").size());
		assertThat(page.get("numberMatched").asInt())
			.isEqualTo(anonymous.get("/api/places?limit=1").json().get("numberMatched").asInt());
		page.get("features").forEach(feature -> assertThat(feature.get("id").isNumber()).isTrue());
		assertThat(rels(page.get("links"))).contains("self", "alternate", "next", "collection");
		assertThat(link(page.get("links"), "next").get("type").asString()).isEqualTo("application/geo+json");
	}

	// /conf/core/fc-limit-definition, fc-limit-response-1 (a larger limit is no error), and a limit below 1 is
	@Test
	void limitCapsThePageAtTenThousandAndRefusesNothingAboveIt() {
		assertThat(anonymous.get("/ogc/collections/places/items?limit=2").json().get("features").size()).isEqualTo(2);
		Response huge = anonymous.get("/ogc/collections/places/items?limit=20000");
		assertThat(huge.status()).isEqualTo(200);
		assertThat(huge.json().get("numberReturned").asInt()).isEqualTo(huge.json().get("numberMatched").asInt());
		Response zero = anonymous.get("/ogc/collections/places/items?limit=0");
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.contentType()).startsWith("application/problem+json");
	}

	// /conf/core/fc-links, fc-rel-type: next and prev page through every item once
	@Test
	void nextAndPrevLinksPageThroughEveryItemOnceAndCarryTheMunicipality() {
		int matched = anonymous.get("/ogc/collections/places/items?municipality=katrineholm&limit=1").json()
			.get("numberMatched").asInt();
		Set<String> seen = new HashSet<>();
		String next = "/ogc/collections/places/items?municipality=katrineholm&limit=7";
		JsonNode page = null;
		int pages = 0;
		while (next != null) {
			page = anonymous.get(next).json();
			page.get("features").forEach(feature -> assertThat(seen.add(feature.get("id").asString())).isTrue());
			JsonNode link = link(page.get("links"), "next");
			next = link == null ? null : path(link.get("href").asString());
			if (next != null) {
				assertThat(next).contains("municipality=katrineholm", "limit=7");
			}
			pages++;
		}
		assertThat(seen).hasSize(matched);
		assertThat(pages).isEqualTo((matched + 6) / 7);
		JsonNode prev = link(page.get("links"), "prev");
		assertThat(prev.get("type").asString()).isEqualTo("application/geo+json");
		assertThat(anonymous.get(path(prev.get("href").asString())).json().get("numberReturned").asInt()).isEqualTo(7);
	}

	// /conf/core/fc-bbox-definition, fc-bbox-response; /conf/crs/fc-bbox-crs-*
	@Test
	void bboxKeepsTheItemsThatMeetItInAnyOfTheCrssAndWithHeights() {
		String lonLat = "16.2300,58.9975,16.2315,58.9983";
		long inside = TestPlaces.point(planner, "OGC bbox inne", 16.2307, 58.9979, "poor_lighting", "safety_walk", true);
		long outside = TestPlaces.point(planner, "OGC bbox ute", 16.2400, 58.9979, "poor_lighting", "safety_walk", true);

		Set<String> crs84 = idsOf("/ogc/collections/places/items?limit=1000&bbox=" + lonLat);
		assertThat(crs84).contains(String.valueOf(inside)).doesNotContain(String.valueOf(outside));
		assertThat(idsOf("/ogc/collections/places/items?limit=1000&bbox=16.2300,58.9975,0,16.2315,58.9983,100"))
			.isEqualTo(crs84);
		assertThat(idsOf("/ogc/collections/places/items?limit=1000&bbox=58.9975,16.2300,58.9983,16.2315&bbox-crs="
				+ EPSG_4326)).isEqualTo(crs84);
		Map<String, Object> box = jdbc.sql("""
				SELECT ST_XMin(b) AS e1, ST_YMin(b) AS n1, ST_XMax(b) AS e2, ST_YMax(b) AS n2
				FROM (SELECT ST_Transform(ST_MakeEnvelope(16.2303, 58.9977, 16.2311, 58.9981, 4326), 3006)::box2d AS b) t""")
			.query().singleRow();
		Set<String> sweref = idsOf("/ogc/collections/places/items?limit=1000&bbox-crs=" + EPSG_3006 + "&bbox="
				+ box.get("n1") + "," + box.get("e1") + "," + box.get("n2") + "," + box.get("e2"));
		assertThat(sweref).contains(String.valueOf(inside)).doesNotContain(String.valueOf(outside));

		assertThat(anonymous.get("/ogc/collections/places/items?bbox=1,2,3").status()).isEqualTo(400);
		assertThat(anonymous.get("/ogc/collections/places/items?bbox=1,2,3,4&bbox-crs=EPSG:9999").status())
			.isEqualTo(400);
	}

	// /conf/core/fc-time-definition, fc-time-response: instants, closed and open intervals
	@Test
	void datetimeKeepsTheActivitiesOfThoseDaysAndIsRefusedWhereThereIsNoTime() {
		JsonNode all = anonymous.get("/ogc/collections/activities/items?limit=1000").json().get("features");
		assertThat(all.size()).isPositive();
		String day = all.get(0).at("/properties/startsOn").asString();

		JsonNode onDay = anonymous.get("/ogc/collections/activities/items?limit=1000&datetime=" + day).json()
			.get("features");
		assertThat(onDay.size()).isPositive();
		onDay.forEach(activity -> assertThat(activity.at("/properties/startsOn").asString()).isEqualTo(day));
		anonymous.get("/ogc/collections/activities/items?limit=1000&datetime=" + day + "/..").json().get("features")
			.forEach(activity -> assertThat(activity.at("/properties/startsOn").asString()).isGreaterThanOrEqualTo(day));
		anonymous.get("/ogc/collections/activities/items?limit=1000&datetime=../" + day + "T23:59:59Z").json()
			.get("features")
			.forEach(activity -> assertThat(activity.at("/properties/startsOn").asString()).isLessThanOrEqualTo(day));
		assertThat(anonymous.get("/ogc/collections/activities/items?datetime=" + day + "/" + day).json()
			.get("numberMatched").asInt()).isEqualTo(onDay.size());

		assertThat(anonymous.get("/ogc/collections/activities/items?datetime=igår").status()).isEqualTo(400);
		Response untimed = anonymous.get("/ogc/collections/places/items?datetime=2024-01-01");
		assertThat(untimed.status()).isEqualTo(400);
		assertThat(untimed.json().toString()).contains("not_temporal");
	}

	// /conf/core/query-param-invalid, query-param-unknown; queryable properties filter
	@Test
	void propertyFiltersKeepMatchingItemsAndUnknownParametersAreRefused() {
		JsonNode planned = anonymous.get("/ogc/collections/measures/items?limit=1000&status=planned").json()
			.get("features");
		assertThat(planned.size()).isPositive();
		planned.forEach(measure -> assertThat(measure.at("/properties/status").asString()).isEqualTo("planned"));
		assertThat(anonymous.get("/ogc/collections/measures/items?status=maybe").status()).isEqualTo(400);
		Response unknown = anonymous.get("/ogc/collections/places/items?colour=red");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		Response queryables = anonymous.get("/ogc/collections/measures/queryables");
		assertThat(queryables.json().at("/properties/status/enum").toString()).contains("planned");
	}

	// /conf/core/f-op, f-success (single feature), /conf/core/fc-md-items; ETag as /api's; 404 for unknown ids
	@Test
	void aSingleItemIsTheApisFeatureWithItsEtagAndUnknownIdsAre404() {
		long id = TestPlaces.point(planner, "OGC en plats", 16.2201234, 58.9961234, "poor_lighting", "safety_walk", true);

		Response item = anonymous.get("/ogc/collections/places/items/" + id);
		assertThat(item.status()).isEqualTo(200);
		assertThat(item.contentType()).startsWith("application/geo+json");
		assertThat(item.json().get("id").asLong()).isEqualTo(id);
		assertThat(item.header("ETag")).isEqualTo(anonymous.get("/api/places/" + id).header("ETag"));
		assertThat(item.header("Content-Crs")).isEqualTo("<" + CRS84 + ">");
		assertThat(rels(item.json().get("links"))).contains("self", "alternate", "collection");
		assertThat(item.json().at("/geometry/coordinates/0").asDouble()).isCloseTo(16.2201234, within(1e-9));

		for (String unknown : List.of("999999999", "abc")) {
			Response missing = anonymous.get("/ogc/collections/places/items/" + unknown);
			assertThat(missing.status()).isEqualTo(404);
			assertThat(missing.contentType()).startsWith("application/problem+json");
		}
	}

	// /conf/crs/ogc-crs-*, fc-crs-*, Content-Crs: a known place read in SWEREF 99 TM northing first, to the mm
	@Test
	void aPlaceReadInSweref99TmHasNorthingFirstAndMatchesPostgisToTheMillimetre() {
		long id = TestPlaces.point(planner, "OGC i SWEREF", 16.2201234, 58.9961234, "poor_lighting", "safety_walk", true);
		Map<String, Object> expected = jdbc.sql("""
				SELECT ST_Y(ST_Transform(geom, 3006)) AS northing, ST_X(ST_Transform(geom, 3006)) AS easting
				FROM unsafe_place WHERE id = :id""").param("id", id).query().singleRow();

		Response item = anonymous.get("/ogc/collections/places/items/" + id + "?crs=" + EPSG_3006);
		assertThat(item.status()).as(item.toString()).isEqualTo(200);
		assertThat(item.header("Content-Crs")).isEqualTo("<" + EPSG_3006 + ">");
		JsonNode coordinates = item.json().at("/geometry/coordinates");
		assertThat(coordinates.get(0).asDouble()).as("northing first")
			.isCloseTo((Double) expected.get("northing"), within(0.001));
		assertThat(coordinates.get(1).asDouble()).isCloseTo((Double) expected.get("easting"), within(0.001));
		assertThat(item.json().has("crs")).isFalse();

		Response latLon = anonymous.get("/ogc/collections/places/items/" + id + "?crs=" + EPSG_4326);
		assertThat(latLon.header("Content-Crs")).isEqualTo("<" + EPSG_4326 + ">");
		assertThat(latLon.json().at("/geometry/coordinates/0").asDouble()).isCloseTo(58.9961234, within(1e-9));
		assertThat(latLon.json().at("/geometry/coordinates/1").asDouble()).isCloseTo(16.2201234, within(1e-9));

		Response page = anonymous.get("/ogc/collections/places/items?limit=1000&crs=" + EPSG_3006
				+ "&bbox=16.2200,58.9960,16.2203,58.9963");
		assertThat(page.header("Content-Crs")).isEqualTo("<" + EPSG_3006 + ">");
		JsonNode listed = feature(page.json(), id);
		assertThat(listed.at("/geometry/coordinates/0").asDouble()).isCloseTo((Double) expected.get("northing"),
				within(0.001));
		assertThat(anonymous.get("/ogc/collections/places/items?crs=EPSG:2400").status()).isEqualTo(400);
	}

	// Every collection's items read in each CRS (measures' own geometry, districts, the grid too)
	@Test
	void everyVisibleCollectionReadsInEveryCrs() {
		for (String collection : List.of("places", "measures", "neighbourhoods", "activities", "incident-statistics")) {
			for (String crs : List.of(CRS84, EPSG_4326, EPSG_3006)) {
				Response items = anonymous.get("/ogc/collections/" + collection + "/items?limit=3&crs=" + crs);
				assertThat(items.status()).as(collection + " " + crs + ": " + items).isEqualTo(200);
				JsonNode features = items.json().get("features");
				if (!features.isEmpty() && features.get(0).get("geometry").isObject()) {
					double first = firstNumber(features.get(0).get("geometry"));
					assertThat(first).as(collection + " " + crs).isBetween(crs.equals(CRS84) ? 10.0 : 50.0,
							crs.equals(EPSG_3006) ? 8_000_000.0 : crs.equals(CRS84) ? 25.0 : 70.0);
					Response one = anonymous.get("/ogc/collections/" + collection + "/items/"
							+ features.get(0).get("id").asString() + "?crs=" + crs);
					assertThat(one.status()).as(collection + " item " + one).isEqualTo(200);
					assertThat(one.header("ETag")).isNotBlank();
				}
			}
		}
	}

	// /conf/html/definition, content; /conf/core/http: browsers get HTML, f= wins
	@Test
	void browsersGetPlainSwedishHtmlAndFChoosesTheFormat() {
		for (String path : List.of("/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/places",
				"/ogc/collections/places/items", "/ogc/collections/measures/queryables")) {
			Response html = anonymous.send(anonymous.request(path)
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
				.GET());
			assertThat(html.status()).as(path).isEqualTo(200);
			assertThat(html.contentType()).as(path).startsWith("text/html");
			assertThat(html.body()).contains("<html lang=\"sv\"", "<h1>", "<main>").doesNotContain("<script", "style=");
			assertThat(html.header("Content-Security-Policy")).contains("script-src 'self'");
		}
		Response item = anonymous.get("/ogc/collections/places/items?f=html");
		assertThat(item.body()).contains("<caption>Otrygga platser</caption>", "<th scope=\"col\">");
		assertThat(anonymous.send(anonymous.request("/ogc/collections?f=json").header("Accept", "text/html").GET())
			.contentType()).startsWith("application/json");
		assertThat(anonymous.get("/ogc?f=xml").status()).isEqualTo(400);
	}

	private Set<String> idsOf(String path) {
		Response response = anonymous.get(path);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return new HashSet<>(ids(response.json().get("features")));
	}

	private static JsonNode feature(JsonNode collection, long id) {
		for (JsonNode feature : collection.get("features")) {
			if (feature.get("id").asLong() == id) {
				return feature;
			}
		}
		throw new AssertionError("no feature " + id + " in " + collection);
	}

	private static double firstNumber(JsonNode geometry) {
		JsonNode node = geometry.get("coordinates");
		while (node.isArray()) {
			node = node.get(0);
		}
		return node.asDouble();
	}

	static String path(String href) {
		return href.substring(href.indexOf("/ogc"));
	}

	static List<String> rels(JsonNode links) {
		List<String> rels = new ArrayList<>();
		links.forEach(link -> rels.add(link.get("rel").asString()));
		return rels;
	}

	static JsonNode link(JsonNode links, String rel) {
		for (JsonNode link : links) {
			if (link.get("rel").asString().equals(rel)) {
				return link;
			}
		}
		return null;
	}

	static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.properties().forEach(field -> names.add(field.getKey()));
		return names;
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach(value -> strings.add(value.asString()));
		return strings;
	}

}
