package se.trygghetskartan.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
		assertThat(first.get("rejections").toString()).contains("\"line\":61").contains("not a date")
			.contains("'shoplifting' is not one of")
			.contains("outside the municipality");
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
		assertThat(status.get("message").stringValue()).contains("Interrupted by a restart");
	}

	@Test
	void wrongFilesAndStrangersAreRefused() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");

		Response noCoordinates = importCsv(planner, "id;occurred_at;category\n1;2024-01-01;theft\n", "x", true);
		Response noCategory = importCsv(planner, "id;occurred_at;lon;lat\n1;2024-01-01;16.2;59\n", "x", true);
		Response badSource = planner.post("/api/incident-imports?source=a%20b&wait=true", "id\n", "text/csv");

		assertThat(noCoordinates.status()).isEqualTo(422);
		assertThat(noCoordinates.body()).contains("lon and lat").contains("SWEREF 99 TM");
		assertThat(noCategory.status()).isEqualTo(422);
		assertThat(noCategory.body()).contains("'category'");
		assertThat(badSource.status()).isEqualTo(400);
		assertThat(new ApiClient(port).post("/api/incident-imports?source=x", "id\n", "text/csv").status()).isEqualTo(401);
		assertThat(new ApiClient(port).get("/api/incidents").status()).isEqualTo(401);
		assertThat(new ApiClient(port).get("/api/incident-hotspots?from=2024-01-01&to=2024-12-31").status())
			.isEqualTo(401);
		assertThat(new ApiClient(port).as("police", "police").get("/api/incidents?limit=1").status()).isEqualTo(200);
	}

}
