package se.trygghetskartan.incident;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@IntegrationTest
class IncidentImportIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	// Each test imports under sources of its own, so its incident ids meet no other test's.
	@BeforeEach
	void addTheTestsSources() {
		jdbc.sql("""
				INSERT INTO incident_source (slug, name, created_by)
				SELECT slug, 'Testkälla ' || slug, 'test' FROM unnest(CAST(:slugs AS text[])) AS slug
				ON CONFLICT DO NOTHING
				""")
			.param("slugs", new String[] { "x", "cut", "sample-test", "crs-test", "bulk-test", "cp1252-test",
					"cp1252-parameter", "utf16le-test", "utf16be-test", "bad-bytes-test", "bad-header-test",
					"huge-cells-test", "quoted-test", "undo-test", "undo-other-test", "own-planner-test", "own-police-test",
					"running-test", "nul-test" })
			.update();
	}

	Response importCsv(ApiClient client, String csv, String source, boolean wait) {
		return client.post("/api/incident-imports?source=" + source + (wait ? "&wait=true" : ""), csv, "text/csv");
	}

	@Test
	void theSampleFileImportsOnceAndTheSecondTimeAddsNothing() throws Exception {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String sample = Files.readString(Path.of("db/demo/incidents-sample.csv"));

		JsonNode first = importCsv(planner, sample, "sample-test", true).json();
		JsonNode second = importCsv(planner, sample, "sample-test", true).json();

		assertThat(first.get("status").stringValue()).isEqualTo("done");
		assertThat(first.get("imported").intValue()).isEqualTo(59);
		assertThat(first.get("rejected").intValue()).isEqualTo(3);
		assertThat(first.get("rejections")).extracting(r -> r.get("line").intValue() + " " + r.get("code").stringValue())
			.containsExactly("61 not_a_time", "62 unknown_category", "63 outside_municipality");
		assertThat(second.get("imported").intValue()).isZero();
		assertThat(second.get("duplicates").intValue()).isEqualTo(59);
		assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE source = 'sample-test'").query(Long.class).single())
			.isEqualTo(59);
	}

	@Test
	void swerefAndWgs84CoordinatesLandOnTheSameSpot() {
		ApiClient police = new ApiClient(port).as("police", "police");
		// Stationstorget: SWEREF 99 TM 569362.3 / 6540221.8 is WGS 84 16.2072 / 58.9959.
		importCsv(police, "id,occurred_at,category,x,y\nS-1,2024-05-03 21:30,bike_theft,569362.3,6540221.8\n", "crs-test",
				true);
		importCsv(police, "id;occurred_from;occurred_to;category;lon;lat;sensitive\nW-1;2024-05-03;;vandalism;16,2072;58,9959;nej\n",
				"crs-test", true);

		var points = jdbc.sql("SELECT source_id, ST_X(geom) AS lon, ST_Y(geom) AS lat, grid_x, grid_y, occurred_to IS NOT NULL AS range "
				+ "FROM incident WHERE source = 'crs-test' ORDER BY source_id").query().listOfRows();
		assertThat(points).hasSize(2);
		assertThat((Double) points.get(0).get("lon")).isCloseTo(16.2072, within(0.00001));
		assertThat((Double) points.get(0).get("lat")).isCloseTo(58.9959, within(0.00001));
		assertThat(points.get(0).get("grid_x")).isEqualTo(points.get(1).get("grid_x"));
		assertThat(points.get(0).get("grid_y")).isEqualTo(points.get(1).get("grid_y"));
		assertThat(points.get(0).get("grid_x")).isEqualTo(569362 / 250);
		assertThat(points.get(1).get("range")).as("a date alone is the whole day").isEqualTo(true);
	}

	@Test
	void aLargeFileIsImportedInTheBackgroundWithProgress() throws Exception {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		StringBuilder csv = new StringBuilder("id;occurred_at;category;lon;lat\n");
		for (int i = 0; i < 25_000; i++) {
			csv.append("B-").append(i).append(";2023-0").append(1 + i % 9).append("-1").append(i % 9).append("T22:00;")
				.append(i % 3 == 0 ? "vandalism" : "theft").append(';').append(16.20 + (i % 400) * 0.0001)
				.append(';').append(58.99 + (i % 250) * 0.0001).append('\n');
		}

		Response started = importCsv(planner, csv.toString(), "bulk-test", false);

		assertThat(started.status()).isEqualTo(202);
		String location = started.header("Location");
		JsonNode status = planner.get(location).json();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (status.get("status").stringValue().equals("running") && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			status = planner.get(location).json();
		}
		assertThat(status.get("status").stringValue()).isEqualTo("done");
		assertThat(status.get("lines").intValue()).isEqualTo(25_000);
		assertThat(status.get("imported").intValue()).isEqualTo(25_000);
	}

	@Test
	void aQuotedCellMayHoldTheSeparatorAndLineBreaksAndABadLineAfterItKeepsItsOwnNumber() {
		ApiClient police = new ApiClient(port).as("police", "police");
		String csv = """
				id;occurred_at;category;lon;lat;beskrivning
				Q-1;2024-05-03 21:30;vandalism;16,2072;58,9959;"Klotter på väggen;
				""tagg"" i rött
				och svart"
				"Q;2";2024-05-04;theft;16,2073;58,9960;
				Q-3;2024-05-05;shoplifting;16,2074;58,9961;
				""";

		Response response = importCsv(police, csv, "quoted-test", true);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode report = response.json();

		assertThat(report.get("status").stringValue()).isEqualTo("done");
		assertThat(report.get("lines").intValue()).isEqualTo(3);
		assertThat(report.get("imported").intValue()).isEqualTo(2);
		assertThat(report.get("rejections").get(0).get("line").intValue()).isEqualTo(6);
		assertThat(report.get("rejections").get(0).get("code").stringValue()).isEqualTo("unknown_category");
		assertThat(report.get("rejections").get(0).get("reason").stringValue()).contains("”shoplifting”");
		assertThat(jdbc.sql("SELECT string_agg(source_id, ',' ORDER BY source_id) FROM incident WHERE source = 'quoted-test'")
			.query(String.class)
			.single()).isEqualTo("Q-1,Q;2");
	}

	@Autowired
	IncidentImporter importer;

	@Test
	void anImportCutOffByARestartIsReportedAsFailedNotRunningForever() {
		long id = jdbc.sql("INSERT INTO incident_import (source, status, started_by) VALUES ('cut', 'running', 'test') RETURNING id")
			.query(Long.class)
			.single();

		importer.markInterruptedImports();

		JsonNode status = new ApiClient(port).as("planner", "planner").get("/api/incident-imports/" + id).json();
		assertThat(status.get("status").stringValue()).isEqualTo("failed");
		assertThat(status.get("failure").get("code").stringValue()).isEqualTo("import_interrupted");
		assertThat(status.get("message").stringValue()).contains("omstart");
	}

	@Test
	void wrongFilesAndStrangersAreRefused() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");

		Response noCoordinates = importCsv(planner, "id;occurred_at;category\n1;2024-01-01;theft\n", "x", true);
		Response noCategory = importCsv(planner, "id;occurred_at;lon;lat\n1;2024-01-01;16.2;59\n", "x", true);
		Response badSource = planner.post("/api/incident-imports?source=a%20b&wait=true", "id\n", "text/csv");

		assertThat(noCoordinates.status()).isEqualTo(422);
		assertThat(noCoordinates.body()).contains("\"code\":\"coordinate_columns\"");
		assertThat(noCategory.status()).isEqualTo(422);
		assertThat(noCategory.json().get("errors").get(0).get("code").stringValue()).isEqualTo("missing_column");
		assertThat(noCategory.json().get("errors").get(0).get("args").get("column").stringValue()).isEqualTo("category");
		assertThat(badSource.status()).isEqualTo(422);
		assertThat(badSource.json().get("errors").get(0).get("code").stringValue()).isEqualTo("unknown_source");
		assertThat(badSource.json().get("errors").get(0).get("reason").stringValue()).contains("”a b” är ingen känd källa");
		assertThat(new ApiClient(port).post("/api/incident-imports?source=x", "id\n", "text/csv").status()).isEqualTo(401);
		assertThat(new ApiClient(port).get("/api/incidents").status()).isEqualTo(401);
		assertThat(new ApiClient(port).get("/api/incident-hotspots?from=2024-01-01&to=2024-12-31").status())
			.isEqualTo(401);
		assertThat(new ApiClient(port).as("police", "police").get("/api/incidents?limit=1").status()).isEqualTo(200);
	}

	long count(String source) {
		return jdbc.sql("SELECT count(*) FROM incident WHERE source = :source").param("source", source)
			.query(Long.class)
			.single();
	}

	List<String> categories(String source) {
		return jdbc.sql("SELECT category FROM incident WHERE source = :source ORDER BY source_id")
			.param("source", source)
			.query(String.class)
			.list();
	}

	@Test
	void aWindows1252FileNamedByItsContentTypeImportsSwedishAndEnglishCategoryNames() {
		ApiClient police = new ApiClient(port).as("police", "police");
		byte[] csv = ("id;occurred_at;category;lon;lat\r\n" + "CP-1;2024-06-01T22:00;Cykelstöld;16,21;59,0\r\n"
				+ "CP-2;2024-06-02T22:00;  skadegörelse ;16,21;59,0\r\n" + "CP-3;2024-06-03T22:00;Bike theft;16,21;59,0\r\n"
				+ "CP-4;2024-06-04T22:00;drug_offence;16,21;59,0\r\n").getBytes(Charset.forName("windows-1252"));

		Response response = police.post("/api/incident-imports?source=cp1252-test&wait=true", csv,
				"text/csv; charset=windows-1252");
		Response byParameter = police.post("/api/incident-imports?source=cp1252-parameter&wait=true&charset=windows-1252",
				csv, "text/csv");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("imported").intValue()).as(response.toString()).isEqualTo(4);
		assertThat(categories("cp1252-test")).containsExactly("bike_theft", "vandalism", "bike_theft", "drug_offence");
		assertThat(byParameter.json().get("imported").intValue()).as(byParameter.toString()).isEqualTo(4);
	}

	@Test
	void aUtf16FileWithAByteOrderMarkAsExcelSavesUnicodeTextImports() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String text = "\uFEFFid\toccurred_at\tcategory\tlon\tlat\r\nU16-1\t2024-07-01\tMisshandel\t16.21\t59.0\r\n"
				+ "U16-2\t2024-07-02\tStöld\t16.21\t59.0\r\n";

		Response little = planner.post("/api/incident-imports?source=utf16le-test&wait=true",
				text.getBytes(StandardCharsets.UTF_16LE), "text/csv");
		Response big = planner.post("/api/incident-imports?source=utf16be-test&wait=true",
				text.getBytes(StandardCharsets.UTF_16BE), "text/csv; charset=windows-1252");

		assertThat(little.status()).as(little.toString()).isEqualTo(200);
		assertThat(little.json().get("imported").intValue()).as(little.toString()).isEqualTo(2);
		assertThat(categories("utf16le-test")).containsExactly("assault", "theft");
		assertThat(big.json().get("imported").intValue()).as("the byte order mark wins: " + big).isEqualTo(2);
	}

	@Test
	void linesWhoseBytesAreNotUtf8AreRejectedWithTheirNumbersAndTheRestIsImported() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		csv.writeBytes("id;occurred_at;category;lon;lat\nBAD-1;2024-08-01;Cykelstöld;16.21;59.0\n".getBytes(StandardCharsets.UTF_8));
		csv.writeBytes("BAD-2;2024-08-02;Cykelstöld;16.21;59.0\n".getBytes(Charset.forName("windows-1252")));
		csv.writeBytes("BAD-3;2024-08-03;Stöld;16.21;59.0\n".getBytes(StandardCharsets.UTF_8));

		Response response = importBytes(planner, csv.toByteArray(), "bad-bytes-test");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.get("status").stringValue()).isEqualTo("done");
		assertThat(report.get("imported").intValue()).isEqualTo(2);
		assertThat(report.get("rejected").intValue()).isEqualTo(1);
		assertThat(report.get("rejections").get(0).get("line").intValue()).isEqualTo(3);
		assertThat(report.get("rejections").get(0).get("code").stringValue()).isEqualTo("line_undecodable");
		assertThat(report.get("rejections").get(0).get("reason").stringValue()).contains("inte giltig UTF-8")
			.contains("windows-1252");
		assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE source = 'bad-bytes-test' AND category = 'bike_theft'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	Response importBytes(ApiClient client, byte[] csv, String source) {
		return client.post("/api/incident-imports?source=" + source + "&wait=true", csv, "text/csv");
	}

	@Test
	void aHeaderThatDoesNotDecodeOrAnUnknownCharsetIsRefusedNamingTheCharset() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		byte[] header = "id;occurred_at;kategori_för_brott;category;lon;lat\n".getBytes(Charset.forName("windows-1252"));

		Response undecodable = importBytes(planner, header, "bad-header-test");
		Response unknown = planner.post("/api/incident-imports?source=x&wait=true&charset=klingon", header, "text/csv");
		Response unknownType = planner.post("/api/incident-imports?source=x&wait=true", header, "text/csv; charset=klingon");
		Response disagreeing = planner.post("/api/incident-imports?source=x&wait=true&charset=utf-8", header,
				"text/csv; charset=windows-1252");

		assertThat(undecodable.status()).isEqualTo(400);
		assertThat(undecodable.contentType()).contains("application/problem+json");
		assertThat(undecodable.body()).contains("\"code\":\"header_undecodable\"").contains("Rubrikraden är inte giltig UTF-8");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("\"code\":\"unknown_charset\"").contains("”klingon” är okänd");
		assertThat(unknownType.status()).as(unknownType.toString()).isEqualTo(400);
		assertThat(unknownType.contentType()).contains("application/problem+json");
		assertThat(unknownType.body()).contains("\"code\":\"unreadable_content_type\"").contains("klingon");
		assertThat(disagreeing.status()).isEqualTo(400);
		assertThat(disagreeing.body()).contains("\"code\":\"charsets_disagree\"").contains("windows-1252");
		assertThat(jdbc.sql("SELECT count(*) FROM incident_import WHERE source IN ('bad-header-test', 'x')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aReportOnAFileOfHugeCellsStaysSmall() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String huge = "x".repeat(2 * 1024 * 1024);
		StringBuilder csv = new StringBuilder("id;occurred_at;category;lon;lat\n");
		for (int i = 0; i < 20; i++) {
			csv.append("HUGE-").append(i).append(";2024-09-01;").append(huge).append(";16.21;59.0\n");
		}
		for (int i = 0; i < 230; i++) {
			csv.append("MANY-").append(i).append(";2024-09-01;").append("unicorn").append(";16.21;59.0\n");
		}

		Response response = importCsv(planner, csv.toString(), "huge-cells-test", true);

		assertThat(response.status()).as("status").isEqualTo(200);
		assertThat(response.body().length()).isLessThan(100_000);
		JsonNode report = response.json();
		assertThat(report.get("rejected").intValue()).isEqualTo(250);
		assertThat(report.get("rejections")).hasSize(200);
		assertThat(report.get("rejections").get(0).get("reason").stringValue())
			.startsWith("”" + "x".repeat(99) + "…” är ingen känd kategori");
		long id = report.get("id").longValue();
		assertThat(planner.get("/api/incident-imports/" + id).body().length()).isLessThan(100_000);
		assertThat(jdbc.sql("SELECT octet_length(rejections::text) FROM incident_import WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isLessThan(100_000);
	}

	@Test
	void undoingAnImportRemovesExactlyTheIncidentsItAdded() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String header = "id;occurred_at;category;lon;lat\n";
		long first = importCsv(planner, header + "UNDO-1;2024-10-01;theft;16.21;59.0\nUNDO-2;2024-10-02;theft;16.21;59.0\n"
				+ "UNDO-3;2024-10-03;theft;16.21;59.0\n", "undo-test", true).json().get("id").longValue();
		long second = importCsv(planner, header + "UNDO-3;2024-10-03;theft;16.21;59.0\nUNDO-4;2024-10-04;theft;16.21;59.0\n",
				"undo-test", true).json().get("id").longValue();
		long other = importCsv(planner, header + "UNDO-1;2024-10-01;theft;16.21;59.0\n", "undo-other-test", true).json()
			.get("id")
			.longValue();
		long all = jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();

		Response undone = planner.delete("/api/incident-imports/" + first, null);

		assertThat(undone.status()).as(undone.toString()).isEqualTo(204);
		assertThat(jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single()).isEqualTo(all - 3);
		assertThat(jdbc.sql("SELECT source_id FROM incident WHERE source = 'undo-test' ORDER BY source_id")
			.query(String.class)
			.list()).as("UNDO-3 was the first import's; the second found it there").containsExactly("UNDO-4");
		assertThat(count("undo-other-test")).isEqualTo(1);
		assertThat(planner.get("/api/incident-imports/" + first).status()).isEqualTo(404);
		assertThat(planner.get("/api/incident-imports/" + second).json().get("imported").intValue()).isEqualTo(1);
		assertThat(planner.get("/api/incident-imports/" + other).status()).isEqualTo(200);
		assertThat(planner.delete("/api/incident-imports/" + first, null).status()).isEqualTo(404);
	}

	@Test
	void thePoliceSeeAndUndoOnlyTheImportsTheyStarted() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		ApiClient police = new ApiClient(port).as("police", "police");
		String csv = "id;occurred_at;category;lon;lat\nOWN-1;2024-11-01;theft;16.21;59.0\n";
		long planners = importCsv(planner, csv, "own-planner-test", true).json().get("id").longValue();
		long polices = importCsv(police, csv, "own-police-test", true).json().get("id").longValue();

		Response read = police.get("/api/incident-imports/" + planners);
		Response undo = police.delete("/api/incident-imports/" + planners, null);

		assertThat(read.status()).isEqualTo(404);
		assertThat(read.contentType()).contains("application/problem+json");
		assertThat(undo.status()).isEqualTo(404);
		assertThat(count("own-planner-test")).isEqualTo(1);
		assertThat(police.get("/api/incident-imports/" + polices).status()).isEqualTo(200);
		assertThat(planner.get("/api/incident-imports/" + polices).status()).isEqualTo(200);
		assertThat(new ApiClient(port).as("admin", "admin").get("/api/incident-imports/" + planners).status())
			.isEqualTo(200);
		assertThat(police.delete("/api/incident-imports/" + polices, null).status()).isEqualTo(204);
		assertThat(count("own-police-test")).isZero();
		assertThat(new ApiClient(port).delete("/api/incident-imports/" + planners, null).status()).isEqualTo(401);
	}

	@Test
	void aRunningImportCannotBeUndone() {
		long id = jdbc.sql("INSERT INTO incident_import (source, status, started_by) VALUES ('running-test', 'running', 'planner') RETURNING id")
			.query(Long.class)
			.single();

		Response response = new ApiClient(port).as("admin", "admin").delete("/api/incident-imports/" + id, null);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).contains("application/problem+json");
		assertThat(response.json().get("code").stringValue()).isEqualTo("import_running");
		assertThat(response.json().get("detail").stringValue()).contains("pågår fortfarande");
		jdbc.sql("UPDATE incident_import SET status = 'failed' WHERE id = :id").param("id", id).update();
	}


	@Test
	void aNulCharacterInALineRejectsThatLineAndTheRestImports() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String csv = "id;occurred_at;category;lon;lat\n" + "NUL-1;2024-06-03 21:30;theft;16,2072;58,9959\n"
				+ "NUL-\u00002;2024-06-03 21:30;theft;16,2072;58,9959\n"
				+ "NUL-3;2024-06-03 21:30;theft\u0000;16,2072;58,9959\n" + "NUL-4;2024-06-03 21:30;theft;16,2072;58,9959\n";

		Response response = importCsv(planner, csv, "nul-test", true);

		assertThat(response.status()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.get("status").stringValue()).isEqualTo("done");
		assertThat(report.get("imported").intValue()).isEqualTo(2);
		assertThat(report.get("rejected").intValue()).isEqualTo(2);
		assertThat(report.get("rejections").get(0).get("line").intValue()).isEqualTo(3);
		assertThat(report.get("rejections").get(1).get("line").intValue()).isEqualTo(4);
	}

}
