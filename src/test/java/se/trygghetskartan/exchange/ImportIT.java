package se.trygghetskartan.exchange;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestMunicipalities;
import se.trygghetskartan.municipality.MunicipalitySettingsChanged;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planners import places and measures from CSV, GeoJSON and GeoPackage files. Most tests import into
 * a municipality of their own ("importby", near Katrineholm), removed with all it owns after each
 * test, as its admin; the planner of Katrineholm only runs dry.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportIT extends ApiTest {

	static final String GEOPACKAGE = "application/geopackage+sqlite3";

	static final String CSV = "text/csv";

	static final String AT = "?municipality=importby";

	TestMunicipalities municipalities;

	ApiClient admin;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@BeforeAll
	void municipalityOfItsOwn() {
		municipalities = new TestMunicipalities(jdbc);
		long id = municipalities.create("importby", "Importby", "9902", 16.0, 58.9, 16.5, 59.2);
		// The app sees the new municipality at once, not after its copy's refresh time.
		transaction.executeWithoutResult(status -> events.publishEvent(new MunicipalitySettingsChanged(id, 0)));
	}

	@BeforeEach
	void admin() {
		admin = anonymous.as("admin", "admin");
	}

	@AfterEach
	void clearIt() {
		municipalities.clear("importby");
		jdbc.sql("DELETE FROM import_mapping").update();
	}

	@AfterAll
	void removeIt() {
		municipalities.remove("importby");
	}

	static String mapping(String json) {
		return "&mapping=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
	}

	/** Places of importby, by name. */
	List<JsonNode> places() {
		Response response = admin.get("/api/places" + AT + "&limit=10000");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> places = new ArrayList<>();
		response.json().get("features").forEach(places::add);
		places.sort((a, b) -> a.at("/properties/name").stringValue().compareTo(b.at("/properties/name").stringValue()));
		return places;
	}

	long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE municipality_id = (SELECT id FROM municipality WHERE slug = 'importby')")
			.query(Long.class)
			.single();
	}

	// Line 1 is the header; the bad ones are lines 3 (unknown reason), 6 (no name) and 8 (outside the extent).
	static final String CSV_WITH_THREE_BAD_ROWS = """
			namn;beskrivning;skäl;östlig;nordlig
			Tunneln;Mörk gångtunnel;poor_lighting;569000;6541500
			Parken;;dark_alleys;569100;6541600
			Torget;Folk samlas;gathering_place, poor_visibility;569200;6541700
			Stationen;;crime_exposed;569300;6541800
			;Utan namn;other;569400;6541900
			Skolan;;traffic;569500;6542000
			Långt bort;;other;300000;6200000
			Ån;;overgrown_vegetation;569600;6542100
			""";

	static final String CSV_MAPPING = """
			{"name": "namn", "description": "beskrivning", "reasons": "skäl", "x": "östlig", "y": "nordlig"}""";

	@Test
	void csvWithThreeBadRowsStoresTheGoodOnesAndReportsTheBadWithTheirLines() {
		Response response = admin.language("en").post("/api/imports/places" + AT + "&crs=EPSG:3006" + mapping(CSV_MAPPING),
				CSV_WITH_THREE_BAD_ROWS, CSV + "; charset=utf-8");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.at("/totals/features").intValue()).isEqualTo(8);
		assertThat(report.at("/totals/created").intValue()).isEqualTo(5);
		assertThat(report.at("/totals/rejected").intValue()).isEqualTo(3);
		assertThat(report.get("crs").stringValue()).isEqualTo("EPSG:3006");
		List<String> rejected = new ArrayList<>();
		report.get("rejected").forEach(r -> rejected.add(r.get("line").intValue() + " " + r.get("field").stringValue()
				+ " " + r.get("column").stringValue() + " " + r.get("code").stringValue()));
		assertThat(rejected).containsExactly("3 reasons skäl not_one_of", "6 name namn required",
				"8 geometry östlig outside_extent");
		assertThat(report.at("/rejected/0/reason").stringValue()).contains("dark_alleys");
		assertThat(places()).extracting(p -> p.at("/properties/name").stringValue())
			.containsExactly("Skolan", "Stationen", "Torget", "Tunneln", "Ån");
		JsonNode torget = places().get(2);
		assertThat(torget.at("/properties/reasons").toString()).isEqualTo("[\"gathering_place\",\"poor_visibility\"]");
		assertThat(torget.at("/properties/description").stringValue()).isEqualTo("Folk samlas");
		// The same bad value, the same reason as the API's create body gives.
		Response viaApi = admin.language("en").post("/api/places" + AT, """
				{"type": "Feature", "geometry": {"type": "Point", "coordinates": [16.2, 59.0]},
				 "properties": {"name": "X", "reasons": ["dark_alleys"]}}""");
		assertThat(viaApi.status()).isEqualTo(422);
		assertThat(viaApi.json().at("/errors/0/reason").stringValue()).isEqualTo(report.at("/rejected/0/reason").stringValue());
	}

	@Test
	void reasonsComeInTheCallersLanguage() {
		Response response = admin.language("sv").post("/api/imports/places" + AT + "&dryRun=true&crs=EPSG:3006"
				+ mapping(CSV_MAPPING), CSV_WITH_THREE_BAD_ROWS, CSV);
		assertThat(response.json().at("/rejected/1/reason").stringValue()).isNotBlank()
			.isNotEqualTo(admin.language("en").post("/api/imports/places" + AT + "&dryRun=true&crs=EPSG:3006"
					+ mapping(CSV_MAPPING), CSV_WITH_THREE_BAD_ROWS, CSV).json().at("/rejected/1/reason").stringValue());
		assertThat(response.header("Content-Language")).isEqualTo("sv");
	}

	@Test
	void dryRunStoresNothing() {
		long before = jdbc.sql("SELECT count(*) FROM unsafe_place").query(Long.class).single();
		long history = jdbc.sql("SELECT count(*) FROM change_record").query(Long.class).single();
		Response response = planner.post("/api/imports/places?dryRun=true&crs=EPSG:3006" + mapping(CSV_MAPPING),
				CSV_WITH_THREE_BAD_ROWS, CSV);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("dryRun").booleanValue()).isTrue();
		assertThat(response.json().at("/totals/created").intValue()).as(response.toString()).isEqualTo(5);
		assertThat(response.json().at("/totals/rejected").intValue()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM unsafe_place").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM change_record").query(Long.class).single()).isEqualTo(history);
		assertThat(planner.get("/api/imports/places/mapping").json().get("saved").booleanValue()).isFalse();
	}

	@Test
	void geoJsonInSwerefIsTransformedByItsCrsMember() {
		String file = """
				{"type": "FeatureCollection",
				 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}},
				 "features": [
				  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [569000.0, 6541500.0]},
				   "properties": {"name": "Punkten", "reasons": ["poor_lighting"], "status": "open"}},
				  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[569000, 6541500], [569050, 6541520]]},
				   "properties": {"name": "Stråket", "reasons": ["traffic"], "published": true}},
				  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [569000.0, 6541500.0]},
				   "properties": {"name": "Fel status", "reasons": ["traffic"], "status": "gone"}}
				 ]}""";
		Response response = admin.post("/api/imports/places" + AT, file, "application/geo+json");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("fileCrs").stringValue()).isEqualTo("EPSG:3006");
		assertThat(response.json().at("/totals/created").intValue()).as(response.toString()).isEqualTo(2);
		assertThat(response.json().at("/rejected/0/feature").intValue()).isEqualTo(3);
		assertThat(response.json().at("/rejected/0/field").stringValue()).isEqualTo("status");
		assertThat(metresFrom("Punkten", "POINT(569000 6541500)")).isLessThan(0.001);
		assertThat(metresFrom("Stråket", "LINESTRING(569000 6541500, 569050 6541520)")).isLessThan(0.001);
		assertThat(places().get(1).at("/properties/published").booleanValue()).isTrue();
	}

	/** How far the stored geometry of the place named lies from a geometry in SWEREF 99 TM, in metres. */
	double metresFrom(String name, String wkt) {
		return jdbc.sql("""
				SELECT ST_HausdorffDistance(ST_Transform(geom, 3006), ST_GeomFromText(:wkt, 3006)) FROM unsafe_place
				WHERE name = :name AND municipality_id = (SELECT id FROM municipality WHERE slug = 'importby')""")
			.param("wkt", wkt)
			.param("name", name)
			.query(Double.class)
			.single();
	}

	static final List<String> COLUMNS = List.of("name", "description", "reasons", "status");

	static ImportFiles.Feature place(int i) {
		double east = 569_000 + (i % 50) * 10.123;
		double north = 6_541_000 + (i / 50) * 10.456;
		String wkt = switch (i % 3) {
			case 0 -> "POINT(%s %s)".formatted(east, north);
			case 1 -> "LINESTRING(%s %s, %s %s)".formatted(east, north, east + 5.5, north + 3.25);
			default -> "POLYGON((%s %s, %s %s, %s %s, %s %s))".formatted(east, north, east + 4, north, east + 4, north + 4,
					east, north);
		};
		return new ImportFiles.Feature(Map.of("name", "Plats " + i, "description", "Nummer " + i, "reasons",
				i % 2 == 0 ? "poor_lighting" : "traffic,vandalism", "status", "open"), wkt);
	}

	@Test
	void katrineholmsPlacesExportedAsAGeoPackageInSwerefImportIntoAnEmptyMunicipalityAsTheyWere() throws Exception {
		ApiClient planner = anonymous.as("planner", "planner");
		HttpResponse<byte[]> exported = HttpClient.newHttpClient()
			.send(planner.request("/api/export/places.gpkg?crs=EPSG:3006").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(exported.statusCode()).isEqualTo(200);
		List<JsonNode> originals = new ArrayList<>();
		planner.get("/api/places?limit=10000").json().get("features").forEach(originals::add);
		assertThat(count("unsafe_place")).as("empty before").isZero();

		Response imported = admin.post("/api/imports/places" + AT, exported.body(), GEOPACKAGE);

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().at("/totals/created").intValue()).as(imported.toString()).isEqualTo(originals.size());
		assertThat(imported.json().at("/totals/rejected").intValue()).isZero();
		// Names repeat (tests make places of the same name, drafts and not): each original has a copy with
		// all the same properties whose geometry is within a millimetre of its own.
		List<String> compared = List.of("name", "description", "reasons", "status", "source", "published");
		List<JsonNode> copies = places();
		for (JsonNode original : originals) {
			long id = original.get("id").longValue();
			List<Long> alike = copies.stream()
				.filter(copy -> compared.stream()
					.allMatch(name -> copy.at("/properties/" + name).equals(original.at("/properties/" + name))))
				.map(copy -> copy.get("id").longValue())
				.toList();
			assertThat(alike).as("copies of place %d with the same properties", id).isNotEmpty();
			double apart = jdbc.sql("""
					SELECT min(ST_HausdorffDistance(ST_Transform(a.geom, 3006), ST_Transform(b.geom, 3006)))
					FROM unsafe_place a, unsafe_place b WHERE a.id = :original AND b.id = ANY(:copies)""")
				.param("original", id)
				.param("copies", alike.toArray(Long[]::new))
				.query(Double.class)
				.single();
			assertThat(apart).as("place %d moved by (m)", id).isLessThan(0.001);
		}
	}

	@Test
	void aGeoPackageInSwerefReimportsItsGeometriesWithinAMillimetreAndItsProperties() throws IOException {
		Path file = ImportFiles.geoPackage(3006, COLUMNS, 2_000, ImportIT::place);
		try {
			Response response = admin.post("/api/imports/places" + AT, Files.readAllBytes(file), GEOPACKAGE);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(response.json().get("table").stringValue()).isEqualTo("platser");
			assertThat(response.json().get("fileCrs").stringValue()).isEqualTo("EPSG:3006");
			assertThat(response.json().at("/totals/created").intValue()).as(response.toString()).isEqualTo(2_000);
			assertThat(count("unsafe_place")).isEqualTo(2_000);
			for (int i : new int[] { 0, 1, 2, 999, 1_999 }) {
				assertThat(metresFrom("Plats " + i, place(i).wkt())).as("place %d", i).isLessThan(0.001);
			}
			double worst = jdbc.sql("""
					SELECT max(ST_HausdorffDistance(ST_Transform(geom, 3006), ST_GeomFromText(:wkt, 3006)))
					FROM unsafe_place WHERE name = 'Plats 1000'""").param("wkt", place(1000).wkt()).query(Double.class).single();
			assertThat(worst).isLessThan(0.001);
			JsonNode one = places().stream().filter(p -> p.at("/properties/name").stringValue().equals("Plats 7")).findFirst()
				.orElseThrow();
			assertThat(one.at("/properties/description").stringValue()).isEqualTo("Nummer 7");
			assertThat(one.at("/properties/reasons").toString()).isEqualTo("[\"traffic\",\"vandalism\"]");
			assertThat(one.at("/properties/status").stringValue()).isEqualTo("open");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void reimportWithAnIdColumnUpdatesInsteadOfDuplicating() {
		admin.post("/api/imports/places" + AT + "&crs=EPSG:3006" + mapping(CSV_MAPPING), CSV_WITH_THREE_BAD_ROWS, CSV);
		List<JsonNode> before = places();
		StringBuilder again = new StringBuilder("id,name,reasons,wkt\n");
		for (JsonNode place : before) {
			again.append(place.get("id").longValue()).append(",").append(place.at("/properties/name").stringValue())
				.append(" (ny),other,\"POINT(569000 6541500)\"\n");
		}
		again.append(",Helt ny,other,\"POINT(569001 6541501)\"\n");
		Response response = admin.post("/api/imports/places" + AT + "&crs=EPSG:3006", again.toString(), CSV);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("mapping").toString())
			.isEqualTo("{\"id\":\"id\",\"wkt\":\"wkt\",\"name\":\"name\",\"reasons\":\"reasons\"}");
		assertThat(response.json().at("/totals/updated").intValue()).isEqualTo(5);
		assertThat(response.json().at("/totals/created").intValue()).isEqualTo(1);
		assertThat(count("unsafe_place")).isEqualTo(6);
		JsonNode first = before.get(0);
		JsonNode changed = admin.get("/api/places/" + first.get("id").longValue()).json();
		assertThat(changed.at("/properties/name").stringValue()).isEqualTo(first.at("/properties/name").stringValue() + " (ny)");
		JsonNode history = admin.get("/api/places/" + first.get("id").longValue() + "/history").json();
		assertThat(history.size()).isEqualTo(2);
	}

	@Test
	void theMappingIsSavedAndOfferedNextTime() {
		assertThat(admin.get("/api/imports/places/mapping" + AT).json().get("saved").booleanValue()).isFalse();
		admin.post("/api/imports/places" + AT + "&crs=EPSG:3006" + mapping(CSV_MAPPING), CSV_WITH_THREE_BAD_ROWS, CSV);
		JsonNode saved = admin.get("/api/imports/places/mapping" + AT).json();
		assertThat(saved.get("saved").booleanValue()).isTrue();
		assertThat(saved.get("mapping").toString()).isEqualTo(
				"{\"x\":\"östlig\",\"y\":\"nordlig\",\"name\":\"namn\",\"reasons\":\"skäl\",\"description\":\"beskrivning\"}");
		Response inspected = admin.post("/api/imports/places/inspect" + AT, CSV_WITH_THREE_BAD_ROWS, CSV);
		assertThat(inspected.status()).as(inspected.toString()).isEqualTo(200);
		assertThat(inspected.json().get("columns").toString()).isEqualTo("[\"namn\",\"beskrivning\",\"skäl\",\"östlig\",\"nordlig\"]");
		assertThat(inspected.json().get("mapping").toString()).contains("\"name\":\"namn\"", "\"x\":\"östlig\"");
		// Without a mapping the saved one is used: the same result again.
		Response again = admin.post("/api/imports/places" + AT + "&crs=EPSG:3006&dryRun=true", CSV_WITH_THREE_BAD_ROWS, CSV);
		assertThat(again.json().at("/totals/created").intValue()).isEqualTo(5);
		assertThat(municipalities).isNotNull();
		assertThat(admin.get("/api/imports/measures/mapping" + AT).json().get("saved").booleanValue()).isFalse();
	}

	@Test
	void measuresReferringToMissingPlacesAreRejectedAndTheOthersStored() {
		long place = municipalities.place(jdbc.sql("SELECT id FROM municipality WHERE slug = 'importby'").query(Long.class)
			.single(), "Hörnet", 16.2, 59.0, true);
		String file = """
				title,type,owner,status,placeIds,plannedStart,plannedEnd
				Belysning,lighting,municipality,planned,%d,2026-01-01,2026-06-30
				Röjning,vegetation,municipality,proposed,999999999,,
				Kamera,lighting,municipality,planned,%d,2026-05-01,2026-01-01
				Vakter,lighting,municipality,proposed,%d,,
				""".formatted(place, place, place);
		Response response = admin.language("en").post("/api/imports/measures" + AT, file, CSV);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().at("/totals/created").intValue()).as(response.toString()).isEqualTo(2);
		List<String> rejected = new ArrayList<>();
		response.json().get("rejected").forEach(r -> rejected.add(r.get("line").intValue() + " " + r.get("code").stringValue()));
		assertThat(rejected).hasSize(2).anyMatch(r -> r.startsWith("3 ")).anyMatch(r -> r.equals("4 ends_before_start"));
		assertThat(count("measure")).isEqualTo(2);
	}

	@Test
	void measuresWithoutAGeometryOfTheirOwnLieAtTheirPlacesAsInTheApi() {
		long place = municipalities.place(jdbc.sql("SELECT id FROM municipality WHERE slug = 'importby'").query(Long.class)
			.single(), "Gången", 16.2, 59.0, true);
		String file = """
				{"type": "FeatureCollection", "features": [
				 {"type": "Feature", "geometry": null,
				  "properties": {"title": "Lampor", "type": "lighting", "owner": "municipality", "placeIds": [%d]}},
				 {"type": "Feature", "geometry": null,
				  "properties": {"title": "Ingenstans", "type": "lighting", "owner": "municipality"}}]}""".formatted(place);
		Response response = admin.language("en").post("/api/imports/measures" + AT, file, "application/geo+json");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().at("/totals/created").intValue()).as(response.toString()).isEqualTo(1);
		assertThat(response.json().at("/rejected/0/feature").intValue()).isEqualTo(2);
		assertThat(response.json().at("/rejected/0/code").stringValue()).isEqualTo("place_or_geometry_required");
		assertThat(count("measure")).isEqualTo(1);
	}

	@Test
	void aPlannerOfKatrineholmCannotImportIntoFlen() {
		Response response = planner.post("/api/imports/places?municipality=flen&crs=EPSG:3006" + mapping(CSV_MAPPING),
				CSV_WITH_THREE_BAD_ROWS, CSV);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(planner.get("/api/imports/places/mapping?municipality=flen").status()).isEqualTo(403);
	}

	@Test
	void anonymousIsAskedToSignIn() {
		assertThat(anonymous.post("/api/imports/places?crs=EPSG:3006", CSV_WITH_THREE_BAD_ROWS, CSV).status()).isEqualTo(401);
		assertThat(anonymous.get("/api/imports/places/mapping").status()).isEqualTo(401);
	}

	@Test
	void badRequestsSayWhatIsWrongAndStoreNothing() {
		Response noCrs = admin.post("/api/imports/places" + AT + mapping(CSV_MAPPING), CSV_WITH_THREE_BAD_ROWS, CSV);
		assertThat(noCrs.status()).isEqualTo(400);
		assertThat(noCrs.json().at("/errors/0/code").stringValue()).isEqualTo("import_crs_not_said");
		Response unknownColumn = admin.post("/api/imports/places" + AT + "&crs=EPSG:3006" + mapping("{\"name\": \"nope\"}"),
				CSV_WITH_THREE_BAD_ROWS, CSV);
		assertThat(unknownColumn.status()).isEqualTo(400);
		assertThat(unknownColumn.json().at("/errors/0/code").stringValue()).isEqualTo("mapping_unknown_column");
		Response unknownField = admin.post("/api/imports/places" + AT + "&crs=EPSG:3006" + mapping("{\"colour\": \"namn\"}"),
				CSV_WITH_THREE_BAD_ROWS, CSV);
		assertThat(unknownField.json().at("/errors/0/code").stringValue()).isEqualTo("mapping_unknown_field");
		assertThat(admin.post("/api/imports/districts" + AT, "a,b\n", CSV).status()).isEqualTo(404);
		assertThat(count("unsafe_place")).isZero();
	}

}
