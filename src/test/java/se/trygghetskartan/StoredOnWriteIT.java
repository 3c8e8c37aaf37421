package se.trygghetskartan;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.neighbourhood.NeighbourhoodService;
import se.trygghetskartan.place.PlaceDraft;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.system.ETags;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every read needs is stored when it is written (#13): a measure's extent (its places' union) and
 * each place's and measure's districts, with the districts' counts read from them. Each change keeps
 * them current in its own transaction: a place moved or unpublished, a link made or removed, a
 * district imported. The districts here are "Lagrad …", west of the demo's town, removed after each
 * test with everything made in them.
 */
@IntegrationTest
class StoredOnWriteIT {

	static final double WEST_LON = 16.405;

	static final double EAST_LON = 16.435;

	static final double LAT = 59.245;

	@LocalServerPort
	int port;

	@Autowired
	PlaceService places;

	@Autowired
	NeighbourhoodService neighbourhoods;

	@Autowired
	GeometryService geometries;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	ApiClient anonymous;

	ApiClient planner;

	ApiClient admin;

	final List<String> made = new ArrayList<>();

	@BeforeEach
	void twoDistrictsSideBySide() {
		anonymous = new ApiClient(port);
		planner = anonymous.as("planner", "planner");
		admin = anonymous.as("admin", "admin");
		Response imported = admin.post("/api/neighbourhoods/import",
				districts(district("Lagrad Väst", 16.40, 16.42), district("Lagrad Öst", 16.42, 16.44)), "application/geo+json");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
	}

	@AfterEach
	void removeWhatWasMade() {
		for (int i = made.size() - 1; i >= 0; i--) {
			Response stored = planner.get(made.get(i));
			assertThat(planner.delete(made.get(i), stored.header("ETag")).status()).isEqualTo(204);
		}
		for (JsonNode district : anonymous.get("/api/neighbourhoods").json().get("features")) {
			String slug = district.get("id").stringValue();
			if (slug.startsWith("lagrad")) {
				Response stored = admin.get("/api/neighbourhoods/" + slug);
				assertThat(admin.delete("/api/neighbourhoods/" + slug, stored.header("ETag")).status()).isEqualTo(204);
			}
		}
	}

	@Test
	void movingAPlaceMovesItsMeasureAndItsDistrictsCountsInTheSameTransaction() {
		long place = place("Lagrad plats", WEST_LON, true);
		long measure = measure("Lagrad åtgärd", place);
		assertThat(placeCount(anonymous, "lagrad-vast")).isEqualTo(1);
		assertThat(measureCount(anonymous, "lagrad-vast")).isEqualTo(1);
		assertThat(measureLon(measure)).isEqualTo(WEST_LON);

		// Inside one transaction, as a planner: the move, then what readers would see, then a rollback.
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("planner",
				null, List.of(new SimpleGrantedAuthority("ROLE_PLANNER"), new SimpleGrantedAuthority("GRANT:planner@*"))));
		try {
			transaction.executeWithoutResult(status -> {
				long version = places.find(place).version();
				places.update(place, PlaceDraft.read(JsonMapper.builder().build().readTree(point("Lagrad plats", EAST_LON, true)),
						geometries), ETags.of(version));
				assertThat(jdbc.sql("SELECT ST_X(geom) FROM measure_extent WHERE measure_id = :id")
					.param("id", measure)
					.query(Double.class)
					.single()).isEqualTo(EAST_LON);
				JsonNode east = JsonMapper.builder().build().readTree(neighbourhoods.feature("lagrad-ost").orElseThrow().json());
				JsonNode west = JsonMapper.builder().build().readTree(neighbourhoods.feature("lagrad-vast").orElseThrow().json());
				assertThat(east.get("properties").get("placeCount").intValue()).isEqualTo(1);
				assertThat(east.get("properties").get("measureCount").intValue()).isEqualTo(1);
				assertThat(west.get("properties").get("placeCount").intValue()).isZero();
				assertThat(west.get("properties").get("measureCount").intValue()).isZero();
				status.setRollbackOnly();
			});
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		// Rolled back together with the move.
		assertThat(measureLon(measure)).isEqualTo(WEST_LON);
		assertThat(placeCount(anonymous, "lagrad-vast")).isEqualTo(1);
		assertThat(placeCount(anonymous, "lagrad-ost")).isZero();

		Response stored = planner.get("/api/places/" + place);
		assertThat(planner.put("/api/places/" + place, point("Lagrad plats", EAST_LON, true), stored.header("ETag")).status())
			.isEqualTo(200);
		assertThat(measureLon(measure)).isEqualTo(EAST_LON);
		assertThat(placeCount(anonymous, "lagrad-ost")).isEqualTo(1);
		assertThat(measureCount(anonymous, "lagrad-ost")).isEqualTo(1);
		assertThat(measureCount(anonymous, "lagrad-vast")).isZero();
		assertThat(ids(anonymous, "/api/measures?bbox=" + box(EAST_LON))).contains(measure);
		assertThat(ids(anonymous, "/api/measures?bbox=" + box(WEST_LON))).doesNotContain(measure);
		assertThat(anonymous.get("/api/measures/" + measure).json().get("properties").get("neighbourhoods").get(0)
			.get("slug").stringValue()).isEqualTo("lagrad-ost");
		assertThat(ids(anonymous, "/api/places?neighbourhood=lagrad-ost")).containsExactly(place);
	}

	@Test
	void linkingUnlinkingAndUnpublishingPlacesChangeTheMeasuresExtent() {
		long west = place("Lagrad väster", WEST_LON, true);
		long east = place("Lagrad öster", EAST_LON, true);
		long measure = measure("Lagrad åtgärd på två", west);
		assertThat(ids(anonymous, "/api/measures?bbox=" + box(EAST_LON))).doesNotContain(measure);

		relink(measure, west + "," + east);
		assertThat(anonymous.get("/api/measures/" + measure).json().get("geometry").get("type").stringValue())
			.isEqualTo("MultiPoint");
		assertThat(ids(anonymous, "/api/measures?bbox=" + box(EAST_LON))).contains(measure);
		assertThat(measureCount(anonymous, "lagrad-ost")).isEqualTo(1);

		relink(measure, String.valueOf(east));
		assertThat(measureLon(measure)).isEqualTo(EAST_LON);
		assertThat(ids(anonymous, "/api/measures?bbox=" + box(WEST_LON))).doesNotContain(measure);
		assertThat(measureCount(anonymous, "lagrad-vast")).isZero();

		// A draft place shows through nothing: the public no longer finds the measure there, staff do.
		Response stored = planner.get("/api/places/" + east);
		assertThat(planner.put("/api/places/" + east + "/published", "{\"published\":false}", stored.header("ETag"), "application/json")
			.status()).isEqualTo(200);
		assertThat(ids(anonymous, "/api/measures?bbox=" + box(EAST_LON))).doesNotContain(measure);
		assertThat(ids(planner, "/api/measures?bbox=" + box(EAST_LON))).contains(measure);
		assertThat(measureCount(anonymous, "lagrad-ost")).isZero();
		assertThat(measureCount(planner, "lagrad-ost")).isEqualTo(1);
		assertThat(placeCount(anonymous, "lagrad-ost")).isZero();
		assertThat(placeCount(planner, "lagrad-ost")).isEqualTo(1);

		// A deleted place leaves its measure's extent.
		made.remove("/api/places/" + east);
		stored = planner.get("/api/places/" + east);
		assertThat(planner.delete("/api/places/" + east, stored.header("ETag")).status()).isEqualTo(204);
		assertThat(planner.get("/api/measures/" + measure).json().get("geometry").isNull()).isTrue();
		assertThat(measureCount(planner, "lagrad-ost")).isZero();
	}

	@Test
	void aDistrictImportedOrMovedUpdatesThePlacesAndMeasuresInIt() {
		long place = place("Lagrad plats norr", 16.415, LAT + 0.01, true);
		long measure = measure("Lagrad åtgärd norr", place);
		// The place lies north of both districts: in none.
		assertThat(anonymous.get("/api/places/" + place).json().get("properties").get("neighbourhoods")).isEmpty();

		Response imported = admin.post("/api/neighbourhoods/import",
				districts(district("Lagrad Norr", 16.40, 16.44, LAT + 0.005, LAT + 0.02)), "application/geo+json");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		JsonNode properties = anonymous.get("/api/places/" + place).json().get("properties");
		assertThat(properties.get("neighbourhood").get("slug").stringValue()).isEqualTo("lagrad-norr");
		assertThat(placeCount(anonymous, "lagrad-norr")).isEqualTo(1);
		assertThat(measureCount(anonymous, "lagrad-norr")).isEqualTo(1);
		assertThat(ids(anonymous, "/api/measures?neighbourhood=lagrad-norr")).containsExactly(measure);

		// Its boundary moved away (a new import replaces it): the place is in no district again.
		admin.post("/api/neighbourhoods/import", districts(district("Lagrad Norr", 16.40, 16.44, LAT + 0.03, LAT + 0.04)),
				"application/geo+json");
		assertThat(anonymous.get("/api/places/" + place).json().get("properties").get("neighbourhoods")).isEmpty();
		assertThat(placeCount(anonymous, "lagrad-norr")).isZero();
		assertThat(measureCount(anonymous, "lagrad-norr")).isZero();

		// Back over the place and renamed, then deleted: the place and its measure say so at once.
		Response district = admin.get("/api/neighbourhoods/lagrad-norr");
		assertThat(admin.put("/api/neighbourhoods/lagrad-norr", district("Lagrad Nord", 16.40, 16.44, LAT + 0.005, LAT + 0.02),
				district.header("ETag")).status()).isEqualTo(200);
		assertThat(anonymous.get("/api/places/" + place).json().get("properties").get("neighbourhood").get("name")
			.stringValue()).isEqualTo("Lagrad Nord");
		district = admin.get("/api/neighbourhoods/lagrad-norr");
		assertThat(admin.delete("/api/neighbourhoods/lagrad-norr", district.header("ETag")).status()).isEqualTo(204);
		assertThat(anonymous.get("/api/places/" + place).json().get("properties").get("neighbourhoods")).isEmpty();
		assertThat(anonymous.get("/api/measures/" + measure).json().get("properties").get("neighbourhoods")).isEmpty();
	}

	@Test
	void theBulkRebuildsGiveWhatTheWritesKept() {
		long place = place("Lagrad plats igen", EAST_LON, true);
		measure("Lagrad åtgärd igen", place);
		String before = anonymous.get("/api/neighbourhoods").body();

		jdbc.sql("SELECT place_district_rebuild(), measure_extent_rebuild()").query().singleRow();

		assertThat(anonymous.get("/api/neighbourhoods").body()).isEqualTo(before);
	}

	long place(String name, double lon, boolean published) {
		return place(name, lon, LAT, published);
	}

	long place(String name, double lon, double lat, boolean published) {
		Response created = planner.post("/api/places", point(name, lon, lat, published));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").longValue();
		made.add("/api/places/" + id);
		return id;
	}

	long measure(String title, long place) {
		Response created = planner.post("/api/measures", """
				{"type":"Feature","geometry":null,"properties":{"title":"%s","type":"lighting","owner":"municipality",
				 "status":"planned","placeIds":[%d]}}""".formatted(title, place));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").longValue();
		made.add("/api/measures/" + id);
		return id;
	}

	void relink(long measure, String placeIds) {
		Response stored = planner.get("/api/measures/" + measure);
		JsonNode properties = stored.json().get("properties");
		Response changed = planner.put("/api/measures/" + measure, """
				{"type":"Feature","geometry":null,"properties":{"title":"%s","type":"lighting","owner":"municipality",
				 "status":"planned","placeIds":[%s]}}""".formatted(properties.get("title").stringValue(), placeIds),
				stored.header("ETag"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
	}

	static String point(String name, double lon, boolean published) {
		return point(name, lon, LAT, published);
	}

	static String point(String name, double lon, double lat, boolean published) {
		return """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"name":"%s","reasons":["poor_lighting"],"source":"survey","published":%s}}"""
			.formatted(lon, lat, name, published);
	}

	double measureLon(long measure) {
		return planner.get("/api/measures/" + measure).json().get("geometry").get("coordinates").get(0).doubleValue();
	}

	static String box(double lon) {
		return (lon - 0.002) + "," + (LAT - 0.002) + "," + (lon + 0.002) + "," + (LAT + 0.002);
	}

	static String district(String name, double west, double east) {
		return district(name, west, east, LAT - 0.005, LAT + 0.005);
	}

	static String district(String name, double west, double east, double south, double north) {
		return """
				{"type":"Feature","properties":{"name":"%1$s"},"geometry":{"type":"Polygon","coordinates":[[[%2$s,%4$s],
				 [%3$s,%4$s],[%3$s,%5$s],[%2$s,%5$s],[%2$s,%4$s]]]}}""".formatted(name, west, east, south, north);
	}

	static String districts(String... features) {
		return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
	}

	static List<Long> ids(ApiClient client, String path) {
		Response found = client.get(path);
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		found.json().get("features").forEach(feature -> ids.add(feature.get("id").longValue()));
		return ids;
	}

	static int placeCount(ApiClient client, String slug) {
		return client.get("/api/neighbourhoods/" + slug).json().get("properties").get("placeCount").intValue();
	}

	static int measureCount(ApiClient client, String slug) {
		return client.get("/api/neighbourhoods/" + slug).json().get("properties").get("measureCount").intValue();
	}

}
