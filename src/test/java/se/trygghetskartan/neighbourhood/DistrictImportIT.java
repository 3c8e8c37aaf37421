package se.trygghetskartan.neighbourhood;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins load the municipality's own district boundaries: GeoPackage or GeoJSON, WGS 84 or SWEREF 99
 * TM. Every district here is called "Provby …" and removed after each test, so the demo's three stay
 * the only ones other tests see.
 */
@IntegrationTest
class DistrictImportIT {

	static final String GEOPACKAGE = "application/geopackage+sqlite3";

	/** SWEREF 99 TM to WGS 84 by proj4j from PROJ parameters: independent of PostGIS and its EPSG table. */
	private static final CoordinateTransform TO_WGS84 = new CoordinateTransformFactory().createTransform(
			new CRSFactory().createFromParameters("SWEREF99TM", "+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs"),
			new CRSFactory().createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs"));

	/** Three squares of 400 m near Katrineholm's centre, by their centres in SWEREF 99 TM (east, north). */
	static final double[][] CENTRES = { { 569_000, 6_541_500 }, { 571_000, 6_542_500 }, { 567_500, 6_540_000 } };

	static final String[] NAMES = { "Provby Åsen", "Provby Ängen", "Provby Öster" };

	static final String[] SLUGS = { "provby-asen", "provby-angen", "provby-oster" };

	@LocalServerPort
	int port;

	ApiClient anonymous;

	ApiClient admin;

	final List<Long> promises = new ArrayList<>();

	@BeforeEach
	void clients() {
		anonymous = new ApiClient(port);
		admin = anonymous.as("admin", "admin");
	}

	@AfterEach
	void removeTestDistricts() {
		for (long promise : promises) {
			Response stored = admin.get("/api/promises/" + promise);
			admin.delete("/api/promises/" + promise, stored.header("ETag"));
		}
		for (String slug : slugs(anonymous)) {
			if (slug.startsWith("provby")) {
				Response stored = admin.get("/api/neighbourhoods/" + slug);
				assertThat(admin.delete("/api/neighbourhoods/" + slug, stored.header("ETag")).status()).isEqualTo(204);
			}
		}
		assertThat(slugs(anonymous)).containsExactly("centrum", "norr", "navertorp");
	}

	static List<String> slugs(ApiClient client) {
		List<String> slugs = new ArrayList<>();
		client.get("/api/neighbourhoods").json().get("features").forEach(f -> slugs.add(f.get("id").stringValue()));
		return slugs;
	}

	static double[] wgs84(double east, double north) {
		ProjCoordinate out = new ProjCoordinate();
		TO_WGS84.transform(new ProjCoordinate(east, north), out);
		return new double[] { out.x, out.y };
	}

	/** Metres between two lon/lat positions a few metres apart. */
	static double metres(double[] a, double[] b) {
		double north = (a[1] - b[1]) * 111_320;
		double east = (a[0] - b[0]) * 111_320 * Math.cos(Math.toRadians(a[1]));
		return Math.hypot(north, east);
	}

	/** The corners of a square of 400 m around a centre, counter-clockwise, closed. */
	static double[][] square(double[] centre) {
		double e = centre[0];
		double n = centre[1];
		return new double[][] { { e - 200, n - 200 }, { e + 200, n - 200 }, { e + 200, n + 200 }, { e - 200, n + 200 },
				{ e - 200, n - 200 } };
	}

	static String wkt(double[][] ring) {
		StringBuilder text = new StringBuilder("MULTIPOLYGON(((");
		for (int i = 0; i < ring.length; i++) {
			text.append(i == 0 ? "" : ", ").append(ring[i][0]).append(' ').append(ring[i][1]);
		}
		return text.append(")))").toString();
	}

	/** A ring as GeoJSON positions, in SWEREF 99 TM or (lonLat) transformed by proj4j. */
	static String positions(double[][] ring, boolean lonLat) {
		StringBuilder json = new StringBuilder("[[");
		for (int i = 0; i < ring.length; i++) {
			double[] p = lonLat ? wgs84(ring[i][0], ring[i][1]) : ring[i];
			json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.8f,%.8f]", p[0], p[1]));
		}
		return json.append("]]").toString();
	}

	static String feature(String name, String type, String coordinates) {
		return """
				{"type":"Feature","properties":{"namn":"%s","kod":7},"geometry":{"type":"%s","coordinates":%s}}"""
			.formatted(name, type, coordinates);
	}

	static String collection(String crs, String... features) {
		String member = crs == null ? "" : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs + "\"}},";
		return "{\"type\":\"FeatureCollection\"," + member + "\"features\":[" + String.join(",", features) + "]}";
	}

	static TestGeoPackage threeDistrictsAndABowTie() {
		TestGeoPackage file = new TestGeoPackage("stadsdelar", 3006);
		for (int i = 0; i < 3; i++) {
			file.feature(NAMES[i], wkt(square(CENTRES[i])));
		}
		// A bow tie: the ring crosses itself in the middle.
		double e = 573_000;
		double n = 6_543_000;
		return file.feature("Provby Knuten", wkt(new double[][] { { e, n }, { e + 400, n + 400 }, { e + 400, n },
				{ e, n + 400 }, { e, n } }));
	}

	Response importFile(String query, byte[] body, String contentType) {
		return admin.post("/api/neighbourhoods/import" + query, body, contentType);
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(item -> texts.add(item.stringValue()));
		return texts;
	}

	@Test
	void aGeoPackageInSwerefLandsWhereProj4jPutsItAndItsDryRunStoresNothing() {
		byte[] file = threeDistrictsAndABowTie().bytes();

		Response dryRun = importFile("?dryRun=true", file, GEOPACKAGE);
		assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
		JsonNode report = dryRun.json();
		assertThat(report.get("dryRun").booleanValue()).isTrue();
		assertThat(report.get("format").stringValue()).isEqualTo("GeoPackage");
		assertThat(report.get("layer").stringValue()).isEqualTo("stadsdelar");
		assertThat(report.get("crs").stringValue()).isEqualTo("EPSG:3006");
		assertThat(report.get("fileCrs").stringValue()).isEqualTo("EPSG:3006");
		assertThat(report.get("nameProperty").stringValue()).isEqualTo("namn");
		assertThat(texts(report.get("properties"))).containsExactly("namn", "kod");
		assertThat(texts(report.get("added"))).containsExactly(SLUGS);
		assertThat(report.get("replaced")).isEmpty();
		JsonNode bowTie = report.get("rejected").get(0);
		assertThat(report.get("rejected")).hasSize(1);
		assertThat(bowTie.get("feature").intValue()).isEqualTo(4);
		assertThat(bowTie.get("name").stringValue()).isEqualTo("Provby Knuten");
		assertThat(bowTie.get("code").stringValue()).isEqualTo("invalid_geometry");
		assertThat(bowTie.get("args").get("problem").get("code").stringValue()).isEqualTo("self_intersection");
		assertThat(bowTie.get("args").get("problem").get("args").get("crs").stringValue()).isEqualTo("EPSG:3006");
		assertThat(bowTie.get("args").get("problem").get("args").get("position")).hasSize(2);
		assertThat(bowTie.get("reason").stringValue()).isEqualTo(
				"Ytan är ogiltig. Kanterna korsar varandra. Rätta den, eller låt importen reparera den.");
		assertThat(report.get("totals").get("features").intValue()).isEqualTo(4);
		assertThat(slugs(anonymous)).as("the dry run stored nothing").noneMatch(slug -> slug.startsWith("provby"));
		assertThat(admin.get("/api/neighbourhoods/" + SLUGS[0] + "/history").status()).isEqualTo(404);

		JsonNode stored = importFile("", file, GEOPACKAGE).json();
		assertThat(stored.get("dryRun").booleanValue()).isFalse();
		assertThat(texts(stored.get("added"))).containsExactly(SLUGS);
		assertThat(stored.get("rejected").get(0).get("code").stringValue()).isEqualTo("invalid_geometry");
		assertThat(slugs(anonymous)).contains(SLUGS).doesNotContain("provby-knuten");

		for (int i = 0; i < 3; i++) {
			JsonNode district = anonymous.get("/api/neighbourhoods/" + SLUGS[i]).json();
			assertThat(district.get("properties").get("name").stringValue()).isEqualTo(NAMES[i]);
			JsonNode ring = district.get("geometry").get("coordinates").get(0).get(0);
			double[][] corners = square(CENTRES[i]);
			double[] centroid = new double[2];
			for (int c = 0; c < 4; c++) {
				double[] vertex = { ring.get(c).get(0).doubleValue(), ring.get(c).get(1).doubleValue() };
				assertThat(metres(vertex, wgs84(corners[c][0], corners[c][1]))).as(SLUGS[i] + " corner " + c)
					.isLessThan(0.5);
				centroid[0] += vertex[0] / 4;
				centroid[1] += vertex[1] / 4;
			}
			assertThat(metres(centroid, wgs84(CENTRES[i][0], CENTRES[i][1]))).as(SLUGS[i] + " centre").isLessThan(2);
		}
	}

	@Test
	void aSelfIntersectingDistrictIsStoredOnlyWhenRepairIsAskedForAndTheReportSaysSo() {
		byte[] file = threeDistrictsAndABowTie().bytes();
		importFile("", file, GEOPACKAGE);
		assertThat(anonymous.get("/api/neighbourhoods/provby-knuten").status()).isEqualTo(404);

		JsonNode repaired = importFile("?repair=true", file, GEOPACKAGE).json();

		assertThat(texts(repaired.get("added"))).containsExactly("provby-knuten");
		assertThat(texts(repaired.get("replaced"))).containsExactly(SLUGS);
		assertThat(repaired.get("rejected")).isEmpty();
		assertThat(repaired.get("repaired")).hasSize(1);
		assertThat(repaired.get("repaired").get(0).get("slug").stringValue()).isEqualTo("provby-knuten");
		assertThat(repaired.get("repaired").get(0).get("code").stringValue()).isEqualTo("self_intersection");
		assertThat(repaired.get("repaired").get(0).get("reason").stringValue()).isEqualTo("Kanterna korsar varandra.");
		JsonNode knot = anonymous.get("/api/neighbourhoods/provby-knuten").json();
		assertThat(knot.get("geometry").get("type").stringValue()).isEqualTo("MultiPolygon");
		assertThat(knot.get("geometry").get("coordinates")).as("two triangles").hasSize(2);
	}

	@Test
	void geoJsonInSwerefWithOrWithoutItsCrsMemberAndInWgs84GiveTheSameDistrict() {
		double[][] ring = square(CENTRES[0]);
		String sweref = feature(NAMES[0], "Polygon", positions(ring, false));

		JsonNode declared = admin.post("/api/neighbourhoods/import",
				collection("urn:ogc:def:crs:EPSG::3006", sweref), "application/geo+json").json();
		assertThat(declared.get("crs").stringValue()).isEqualTo("EPSG:3006");
		assertThat(texts(declared.get("added"))).containsExactly(SLUGS[0]);
		JsonNode first = anonymous.get("/api/neighbourhoods/" + SLUGS[0]).json().get("geometry");

		JsonNode undeclared = admin.post("/api/neighbourhoods/import", collection(null, sweref), "application/json")
			.json();
		assertThat(undeclared.get("rejected").get(0).get("code").stringValue()).isEqualTo("coordinates_in_metres");
		assertThat(undeclared.get("rejected").get(0).get("reason").stringValue()).contains("EPSG:3006");
		assertThat(undeclared.get("added")).isEmpty();

		JsonNode chosen = admin.post("/api/neighbourhoods/import?crs=EPSG:3006", collection(null, sweref),
				"application/geo+json").json();
		assertThat(chosen.get("fileCrs").isNull()).isTrue();
		assertThat(texts(chosen.get("replaced"))).containsExactly(SLUGS[0]);

		JsonNode lonLat = admin.post("/api/neighbourhoods/import",
				collection(null, feature(NAMES[0], "Polygon", positions(ring, true))), "application/geo+json").json();
		assertThat(lonLat.get("crs").stringValue()).isEqualTo("EPSG:4326");
		assertThat(texts(lonLat.get("replaced"))).containsExactly(SLUGS[0]);
		JsonNode last = anonymous.get("/api/neighbourhoods/" + SLUGS[0]).json().get("geometry");
		JsonNode firstRing = first.get("coordinates").get(0).get(0);
		JsonNode lastRing = last.get("coordinates").get(0).get(0);
		for (int c = 0; c < 5; c++) {
			assertThat(metres(new double[] { firstRing.get(c).get(0).doubleValue(), firstRing.get(c).get(1).doubleValue() },
					new double[] { lastRing.get(c).get(0).doubleValue(), lastRing.get(c).get(1).doubleValue() }))
				.isLessThan(0.5);
		}
		JsonNode history = admin.get("/api/neighbourhoods/" + SLUGS[0] + "/history").json();
		assertThat(history).extracting(change -> change.get("action").stringValue())
			.containsExactly("created", "updated", "updated");
		assertThat(history.get(0).get("changedBy").stringValue()).isEqualTo("admin");
	}

	@Test
	void slugsDropTheDotsOfÅÄÖAndNamesThatGiveTheSameSlugAreBothRefused() {
		double[][] a = square(CENTRES[0]);
		double[][] b = square(CENTRES[1]);
		double[][] c = square(CENTRES[2]);

		JsonNode report = admin.post("/api/neighbourhoods/import?nameProperty=namn",
				collection(null, feature("Provby Sjövik", "Polygon", positions(a, true)),
						feature("  Provby  Sjovik ", "Polygon", positions(b, true)),
						feature("Provby Ålö-Äng / Västra", "Polygon", positions(c, true)),
						feature("", "Polygon", positions(c, true))),
				"application/geo+json")
			.json();

		assertThat(texts(report.get("added"))).containsExactly("provby-alo-ang-vastra");
		assertThat(report.get("rejected")).extracting(r -> r.get("feature").intValue() + " " + r.get("code").stringValue())
			.containsExactly("1 duplicate_slug", "2 duplicate_slug", "4 no_name");
		assertThat(report.get("rejected").get(0).get("reason").stringValue()).contains("provby-sjovik").contains("1, 2");
		assertThat(slugs(anonymous)).doesNotContain("provby-sjovik");
		assertThat(anonymous.get("/api/neighbourhoods/provby-alo-ang-vastra").json().get("properties").get("name")
			.stringValue()).isEqualTo("Provby Ålö-Äng / Västra");
	}

	@Test
	void districtsOutsideTheMunicipalityNotAreasOrWithoutTheChosenNamePropertyAreReported() {
		double[][] stockholm = square(new double[] { 674_000, 6_580_000 });
		String file = collection("EPSG:3006", feature("Provby Stockholm", "Polygon", positions(stockholm, false)),
				"{\"type\":\"Feature\",\"properties\":{\"namn\":\"Provby Linje\"},\"geometry\":{\"type\":\"LineString\","
						+ "\"coordinates\":[[569000,6541000],[569100,6541100]]}}",
				"{\"type\":\"Feature\",\"properties\":{\"namn\":\"Provby Tom\"},\"geometry\":null}");

		JsonNode report = admin.post("/api/neighbourhoods/import", file, "application/geo+json").json();

		assertThat(report.get("rejected")).extracting(r -> r.get("code").stringValue())
			.containsExactly("outside_extent", "wrong_geometry_type", "no_geometry");
		assertThat(report.get("rejected").get(1).get("reason").stringValue()).contains("LineString");
		assertThat(report.get("rejected").get(2).get("reason").stringValue()).isEqualTo("Har ingen geometri.");
		assertThat(report.get("added")).isEmpty();

		JsonNode wrongProperty = admin.post("/api/neighbourhoods/import?nameProperty=NAMN_2", file,
				"application/geo+json").json();
		assertThat(wrongProperty.get("nameProperty").isNull()).isTrue();
		assertThat(wrongProperty.get("rejected").get(0).get("reason").stringValue()).contains("NAMN_2").contains("namn");
	}

	@Test
	void onlyAdminsImportAndAFileThatIsNotWhatItSaysIsAProblem() {
		String file = collection(null, feature(NAMES[0], "Polygon", positions(square(CENTRES[0]), true)));
		assertThat(anonymous.post("/api/neighbourhoods/import", file).status()).isEqualTo(401);
		assertThat(anonymous.as("planner", "planner").post("/api/neighbourhoods/import", file).status()).isEqualTo(403);

		Response notJson = admin.post("/api/neighbourhoods/import", "{\"type\":\"FeatureCollection\",", "application/json");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.contentType()).startsWith("application/problem+json");
		byte[] geoPackage = threeDistrictsAndABowTie().bytes();
		Response misnamed = importFile("", geoPackage, "application/geo+json");
		assertThat(misnamed.status()).isEqualTo(400);
		assertThat(misnamed.body()).contains(GEOPACKAGE);
		Response notGeoPackage = importFile("", file.getBytes(), GEOPACKAGE);
		assertThat(notGeoPackage.status()).isEqualTo(422);
		assertThat(notGeoPackage.body()).contains("\"code\":\"not_geopackage\"");
		assertThat(admin.post("/api/neighbourhoods/import?crs=EPSG:3021", file, "application/geo+json").status())
			.isEqualTo(400);
		Response contradicted = importFile("?crs=EPSG:4326", geoPackage, GEOPACKAGE);
		assertThat(contradicted.status()).isEqualTo(400);
		assertThat(contradicted.body()).contains("EPSG:3006");
		Response unsupported = admin.post("/api/neighbourhoods/import",
				collection("EPSG:3010", feature(NAMES[0], "Polygon", positions(square(CENTRES[0]), false))),
				"application/json");
		assertThat(unsupported.status()).isEqualTo(422);
		assertThat(unsupported.body()).contains("EPSG:3010");
		assertThat(slugs(anonymous)).noneMatch(slug -> slug.startsWith("provby"));

		byte[] undefined = new TestGeoPackage("omraden", 0).feature(NAMES[1], wkt(square(CENTRES[1]))).bytes();
		Response unsaid = importFile("", undefined, GEOPACKAGE);
		assertThat(unsaid.status()).isEqualTo(400);
		assertThat(unsaid.body()).contains("\"code\":\"crs_not_said\"");
		assertThat(texts(importFile("?crs=EPSG:3006", undefined, GEOPACKAGE).json().get("added")))
			.containsExactly(SLUGS[1]);
	}

	@Test
	void aDistrictFileMayBeLargerThanOtherBodies() {
		// An ordinary body may be 1 MB; a district file 50 MB. Two megabytes of boundary detail here.
		String padding = "x".repeat(2_000_000);
		String file = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"namn\":\""
				+ NAMES[0] + "\",\"note\":\"" + padding + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
				+ positions(square(CENTRES[0]), true) + "}}]}";

		Response report = admin.post("/api/neighbourhoods/import", file, "application/geo+json");

		assertThat(report.status()).as(report.raw().headers().toString()).isEqualTo(200);
		assertThat(texts(report.json().get("added"))).containsExactly(SLUGS[0]);
		assertThat(admin.post("/api/places", file, "application/geo+json").status()).isEqualTo(413);
	}

	@Test
	void putAndDeleteNeedTheCurrentVersionAndAPromiseKeepsItsFocusDistrict() {
		admin.post("/api/neighbourhoods/import",
				collection(null, feature(NAMES[2], "Polygon", positions(square(CENTRES[2]), true))), "application/json");
		String path = "/api/neighbourhoods/" + SLUGS[2];
		Response stored = anonymous.get(path);
		String etag = stored.header("ETag");
		assertThat(etag).isNotNull();
		String moved = feature("Provby Öster och Väster", "Polygon", positions(square(CENTRES[1]), true))
			.replace("\"namn\"", "\"name\"")
			.replace("\"kod\":7", "\"description\":\"Flyttad\"");

		assertThat(admin.put(path, moved, null).status()).isEqualTo(428);
		assertThat(admin.put(path, moved, "\"999\"").status()).isEqualTo(412);
		assertThat(anonymous.put(path, moved, etag).status()).isEqualTo(401);
		assertThat(anonymous.as("planner", "planner").put(path, moved, etag).status()).isEqualTo(403);
		Response changed = admin.put(path, moved, etag);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		JsonNode props = anonymous.get(path).json().get("properties");
		assertThat(props.get("slug").stringValue()).isEqualTo(SLUGS[2]);
		assertThat(props.get("name").stringValue()).isEqualTo("Provby Öster och Väster");
		assertThat(props.get("description").stringValue()).isEqualTo("Flyttad");
		Response outside = admin.put(path, feature("X", "Polygon", "[[[18.0,59.3],[18.1,59.3],[18.1,59.4],[18.0,59.3]]]")
			.replace("\"namn\"", "\"name\""), changed.header("ETag"));
		assertThat(outside.status()).isEqualTo(422);
		assertThat(outside.json().get("errors").get(0).get("code").stringValue()).isEqualTo("outside_extent");

		Response promise = admin.post("/api/promises", """
				{"periodStart":2031,"periodEnd":2032,"party":"joint","title":"Trygg Provby","focusNeighbourhoods":["%s"]}"""
			.formatted(SLUGS[2]), "application/json");
		assertThat(promise.status()).as(promise.toString()).isEqualTo(201);
		long promiseId = promise.json().get("id").longValue();
		promises.add(promiseId);
		String current = anonymous.get(path).header("ETag");
		assertThat(admin.delete(path, null).status()).isEqualTo(428);
		Response refused = admin.delete(path, current);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("code").stringValue()).isEqualTo("district_in_use");
		assertThat(refused.json().get("detail").stringValue()).contains("”" + SLUGS[2] + "” kan inte tas bort");
		assertThat(refused.json().get("references").get(0).get("id").longValue()).isEqualTo(promiseId);
		assertThat(refused.json().get("references").get(0).get("title").stringValue()).isEqualTo("Trygg Provby");
		assertThat(refused.json().get("references").get(0).get("detail").stringValue()).isEqualTo("2031–2032");
		assertThat(anonymous.get(path).status()).isEqualTo(200);

		assertThat(admin.get(path + "/history").json()).extracting(change -> change.get("action").stringValue())
			.containsExactly("created", "updated");
		Response promiseNow = admin.get("/api/promises/" + promiseId);
		assertThat(admin.delete("/api/promises/" + promiseId, promiseNow.header("ETag")).status()).isEqualTo(204);
		promises.remove(promiseId);
		assertThat(admin.delete(path, current).status()).isEqualTo(204);
		assertThat(anonymous.get(path).status()).isEqualTo(404);
	}

}
