package se.trygghetskartan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.trygghetskartan.ApiClient.Response;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the maps ask for (#11): counts per cell of the map's grid, the items in a view, pages with
 * their totals, items by id, and each district's figures, all equal to what a full query finds.
 * The items live in a corner of the municipality of their own, far from the demo's town: group A,
 * five places each with a measure; group B, three places, a draft place, a measure with its own
 * point, a draft measure and a measure whose only place is a draft.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewportApiIT {

	static final String AREA = "16.50,59.20,16.60,59.28";

	static final String GROUP_A = "16.515,59.215,16.525,59.225";

	@LocalServerPort
	int port;

	ApiClient anonymous;

	ApiClient planner;

	final List<Long> groupAMeasures = new ArrayList<>();

	long draftMeasure;

	long measureOfDraftPlace;

	@BeforeAll
	void placesAndMeasuresInAnAreaOfTheirOwn() {
		anonymous = new ApiClient(port);
		planner = anonymous.as("planner", "planner");
		for (int i = 0; i < 5; i++) {
			long place = place("VP A" + i, 16.520 + i * 0.0003, 59.220, true);
			String done = i < 2 ? ",\"completedOn\":\"2024-0" + (i + 3) + "-01\"" : "";
			groupAMeasures.add(measure("VP-mått A" + i, null, place, i < 2 ? "done" : "planned", done, true));
		}
		// Each group well inside one cell of the grid at zoom 14, so that the counts below are certain.
		long b = place("VP B0", 16.570, 59.2588, true);
		place("VP B1", 16.5703, 59.2589, true);
		place("VP B2", 16.5706, 59.2590, true);
		long draftPlace = place("VP B-utkast", 16.5709, 59.2591, false);
		measure("VP-mått B-egen", "{\"type\":\"Point\",\"coordinates\":[16.5705,59.2590]}", null, "proposed", "", true);
		draftMeasure = measure("VP-mått B-utkast", null, b, "planned", "", false);
		measureOfDraftPlace = measure("VP-mått vid utkastet", null, draftPlace, "planned", "", true);
	}

	long place(String name, double lon, double lat, boolean published) {
		return TestPlaces.point(planner, name, lon, lat, "poor_lighting", "survey", published);
	}

	long measure(String title, String geometry, Long place, String status, String extra, boolean published) {
		Response created = planner.post("/api/measures", """
				{"type":"Feature","geometry":%s,"properties":{"title":"%s","type":"lighting","owner":"municipality",
				 "status":"%s","placeIds":[%s],"published":%s%s}}"""
			.formatted(geometry, title, status, place == null ? "" : place, published, extra));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").longValue();
	}

	static List<Long> counts(JsonNode clusters) {
		return StreamSupport.stream(clusters.get("features").spliterator(), false)
			.map(cell -> cell.get("properties").get("count").longValue())
			.toList();
	}

	static long matched(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("numberMatched").longValue();
	}

	/** Every item of a collection, page after page: the full query the counts must agree with. */
	static List<JsonNode> all(ApiClient client, String path) {
		List<JsonNode> items = new ArrayList<>();
		long total;
		do {
			JsonNode page = client.get(path + (path.contains("?") ? "&" : "?") + "limit=1000&offset=" + items.size()).json();
			total = page.get("numberMatched").longValue();
			page.get("features").forEach(items::add);
		}
		while (items.size() < total);
		return items;
	}

	@Test
	void farOutTheMapGetsCountsPerCellThatAddUpToWhatTheListOfTheViewHolds() {
		JsonNode places = anonymous.get("/api/places/clusters?bbox=" + AREA + "&zoom=14").json();
		JsonNode placesForStaff = planner.get("/api/places/clusters?bbox=" + AREA + "&zoom=14").json();
		JsonNode measures = anonymous.get("/api/measures/clusters?bbox=" + AREA + "&zoom=14").json();
		JsonNode measuresForStaff = planner.get("/api/measures/clusters?bbox=" + AREA + "&zoom=14").json();

		assertThat(counts(places)).as("group A, group B without its draft").containsExactly(5L, 3L);
		assertThat(counts(placesForStaff)).containsExactly(5L, 4L);
		assertThat(counts(measures)).as("B: only the one with its own point; a draft place locates nothing")
			.containsExactly(5L, 1L);
		assertThat(counts(measuresForStaff)).containsExactly(5L, 3L);
		assertThat(places.get("numberMatched").longValue()).isEqualTo(8);
		// The view counted in, widened to whole cells, holds exactly what the lists of that view hold.
		for (Map.Entry<ApiClient, JsonNode[]> reader : Map.of(anonymous, new JsonNode[] { places, measures }, planner,
				new JsonNode[] { placesForStaff, measuresForStaff }).entrySet()) {
			String counted = join(reader.getValue()[0].get("bbox"));
			assertThat(matched(reader.getKey().get("/api/places?limit=1&bbox=" + counted)))
				.isEqualTo(reader.getValue()[0].get("numberMatched").longValue());
			assertThat(matched(reader.getKey().get("/api/measures?limit=1&bbox=" + counted)))
				.isEqualTo(reader.getValue()[1].get("numberMatched").longValue())
				.isEqualTo(counts(reader.getValue()[1]).stream().mapToLong(Long::longValue).sum());
		}
		// Each cell is a point at its items' mean position, with their box to zoom to.
		JsonNode a = measures.get("features").get(0);
		assertThat(a.get("geometry").get("coordinates").get(0).doubleValue()).isBetween(16.520, 16.5212);
		assertThat(a.get("properties").get("bbox").get(0).doubleValue()).isEqualTo(16.52);
		// Further out the two groups share a cell.
		assertThat(counts(anonymous.get("/api/places/clusters?bbox=" + AREA + "&zoom=7").json())).containsExactly(8L);
	}

	static String join(JsonNode array) {
		List<String> numbers = new ArrayList<>();
		array.forEach(n -> numbers.add(String.valueOf(n.doubleValue())));
		return String.join(",", numbers);
	}

	@Test
	void aBboxFindsTheMeasuresWhoseOwnGeometryOrPlacesLieInItAndCountsFilterByStatusAndType() {
		assertThat(matched(anonymous.get("/api/places?bbox=" + GROUP_A))).isEqualTo(5);
		List<Long> inA = new ArrayList<>();
		anonymous.get("/api/measures?bbox=" + GROUP_A).json().get("features").forEach(m -> inA.add(m.get("id").longValue()));
		assertThat(inA).containsExactlyElementsOf(groupAMeasures);
		assertThat(counts(anonymous.get("/api/measures/clusters?bbox=" + AREA + "&zoom=14&status=done,proposed").json()))
			.containsExactly(2L, 1L);
		assertThat(counts(anonymous.get("/api/measures/clusters?bbox=" + AREA + "&zoom=14&type=camera").json())).isEmpty();
		assertThat(matched(anonymous.get("/api/measures?bbox=" + AREA + "&status=planned&status=done"))).isEqualTo(5);
	}

	@Test
	void pagesSayHowManyMatchAndTogetherHoldEachItemOnce() {
		Set<Long> seen = new HashSet<>();
		for (int offset = 0; offset < 9; offset += 3) {
			JsonNode page = planner.get("/api/places?bbox=" + AREA + "&limit=3&offset=" + offset).json();
			assertThat(page.get("numberMatched").longValue()).isEqualTo(9);
			assertThat(page.get("numberReturned").longValue()).isEqualTo(3);
			page.get("features").forEach(f -> assertThat(seen.add(f.get("id").longValue())).isTrue());
		}
		assertThat(seen).hasSize(9);
		// Newest completed first, the rest after them, each once.
		JsonNode done = anonymous.get("/api/measures?bbox=" + GROUP_A + "&sortby=-completedOn&limit=2").json();
		assertThat(done.get("features").get(0).get("properties").get("completedOn").stringValue()).isEqualTo("2024-04-01");
		assertThat(done.get("features").get(1).get("properties").get("completedOn").stringValue()).isEqualTo("2024-03-01");
		assertThat(matched(anonymous.get("/api/measures?bbox=" + GROUP_A + "&sortby=-completedOn&limit=2&offset=2")))
			.isEqualTo(5);
	}

	@Test
	void pagesByKeyHoldEachItemOnceInIdOrderAndSayNoTotal() {
		List<Long> seen = new ArrayList<>();
		long after = 0;
		for (int pages = 0; pages < 10; pages++) {
			JsonNode page = planner.get("/api/places?bbox=" + AREA + "&limit=4&after=" + after).json();
			assertThat(page.has("numberMatched")).isFalse();
			page.get("features").forEach(f -> seen.add(f.get("id").longValue()));
			if (page.get("numberReturned").intValue() < 4) {
				break;
			}
			after = seen.get(seen.size() - 1);
		}
		assertThat(seen).hasSize(9).isSorted().doesNotHaveDuplicates();
		JsonNode measures = anonymous.get("/api/measures?bbox=" + GROUP_A + "&limit=3&after=" + groupAMeasures.get(1)).json();
		assertThat(StreamSupport.stream(measures.get("features").spliterator(), false).map(f -> f.get("id").longValue()))
			.containsExactlyElementsOf(groupAMeasures.subList(2, 5));
		for (String refused : List.of("/api/places?after=1&offset=0", "/api/measures?after=1&sortby=title")) {
			Response response = anonymous.get(refused);
			assertThat(response.status()).as(refused).isEqualTo(400);
			assertThat(response.body()).as(refused).contains("after_by_id_only");
		}
	}

	@Test
	void itemsAreFetchedByTheirIdsAndThePublicGetsNoDraftThatWay() {
		String ids = groupAMeasures.get(0) + "," + groupAMeasures.get(3) + "," + draftMeasure;

		assertThat(matched(anonymous.get("/api/measures?ids=" + ids))).isEqualTo(2);
		assertThat(matched(planner.get("/api/measures?ids=" + ids))).isEqualTo(3);
		assertThat(matched(anonymous.get("/api/measures?ids=" + measureOfDraftPlace))).as("published, without a place")
			.isEqualTo(1);
	}

	@Test
	void eachDistrictsFiguresEqualWhatTheFullListsSayLiesInIt() {
		for (ApiClient reader : List.of(anonymous, planner)) {
			Map<String, Integer> placesIn = new HashMap<>();
			Map<String, Integer> measuresIn = new HashMap<>();
			for (JsonNode place : all(reader, "/api/places")) {
				place.get("properties").get("neighbourhoods").forEach(n -> placesIn.merge(n.get("slug").stringValue(), 1, Integer::sum));
			}
			for (JsonNode measure : all(reader, "/api/measures")) {
				String status = measure.get("properties").get("status").stringValue();
				measure.get("properties").get("neighbourhoods")
					.forEach(n -> measuresIn.merge(n.get("slug").stringValue() + "/" + status, 1, Integer::sum));
			}
			for (JsonNode district : reader.get("/api/neighbourhoods").json().get("features")) {
				JsonNode figures = district.get("properties");
				String slug = figures.get("slug").stringValue();
				assertThat(figures.get("placeCount").intValue()).as(slug).isEqualTo(placesIn.getOrDefault(slug, 0));
				int all = 0;
				for (String status : List.of("proposed", "planned", "in_progress", "done", "rejected")) {
					int count = figures.get("measuresByStatus").get(status).intValue();
					assertThat(count).as(slug + " " + status).isEqualTo(measuresIn.getOrDefault(slug + "/" + status, 0));
					all += count;
				}
				assertThat(figures.get("measureCount").intValue()).isEqualTo(all);
			}
		}
	}

	@Test
	void exactIncidentsAreCountedPerCellForThePoliceAndNeverForThePublic() {
		ApiClient police = anonymous.as("police", "police");
		JsonNode clusters = police.get("/api/incidents/clusters?bbox=15.70,58.75,16.65,59.30&zoom=11&from=2000-01-01&to=2030-12-31")
			.json();

		long total = counts(clusters).stream().mapToLong(Long::longValue).sum();
		assertThat(total).isPositive().isEqualTo(clusters.get("numberMatched").longValue());
		assertThat(matched(police.get("/api/incidents?limit=1&from=2000-01-01&to=2030-12-31&bbox=" + join(clusters.get("bbox")))))
			.isEqualTo(total);
		assertThat(anonymous.get("/api/incidents/clusters?bbox=" + AREA + "&zoom=11").status()).isEqualTo(401);
	}

	@Test
	void badViewsIdsOrdersAndFiltersAreRefusedSayingWhatIsWrong() {
		Map<String, String> refused = Map.of("/api/measures/clusters?zoom=12", "bbox", "/api/places/clusters?bbox=" + AREA,
				"zoom", "/api/places/clusters?bbox=" + AREA + "&zoom=30", "zoom",
				"/api/measures/clusters?bbox=" + AREA + "&zoom=abc", "zoom", "/api/places?ids=1,x", "ids",
				"/api/measures?sortby=newest", "sortby", "/api/measures?status=done,finished", "status",
				"/api/activities?from=someday", "from", "/api/places?limit=0", "limit");
		refused.forEach((path, parameter) -> {
			Response response = anonymous.get(path);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).as(path).contains(parameter);
		});
	}

}
