package se.trygghetskartan.incident;

import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IncidentSourceIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static final String HEADER = "id;occurred_at;category;lon;lat\n";

	JsonNode importCsv(ApiClient client, String source, String csv) {
		Response response = client.post("/api/incident-imports?source=" + source + "&wait=true", HEADER + csv, "text/csv");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	@Test
	void polisenAndPolisenAreOneSourceSoTheSameIncidentIsStoredOnce() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String id = "CASE-" + System.nanoTime();

		JsonNode lower = importCsv(planner, "polisen", id + ";2024-02-01;theft;16.21;59.0\n");
		JsonNode capital = importCsv(planner, "Polisen", id + ";2024-02-01;theft;16.21;59.0\n");
		JsonNode shouted = importCsv(planner, "%20POLISEN%20", id + ";2024-02-01;theft;16.21;59.0\n");

		assertThat(lower.get("imported").intValue()).isEqualTo(1);
		assertThat(capital.get("imported").intValue()).isZero();
		assertThat(capital.get("duplicates").intValue()).isEqualTo(1);
		assertThat(shouted.get("duplicates").intValue()).isEqualTo(1);
		assertThat(List.of(lower, capital, shouted)).extracting(i -> i.get("source").stringValue())
			.containsOnly("polisen");
		assertThat(capital.get("sourceName").stringValue()).isEqualTo("Polisen");
		assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE source_id = :id").param("id", id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aSourceMayBeNamedByItsNameInAnyCase() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");

		JsonNode imported = importCsv(planner, "kommunens%20EGNA%20rapporter",
				"KOM-" + System.nanoTime() + ";2024-02-01;vandalism;16.21;59.0\n");

		assertThat(imported.get("source").stringValue()).isEqualTo("kommunen");
	}

	@Test
	void anImportNamingNoKnownSourceIsRefusedWithTheListAndNothingIsRecorded() {
		ApiClient police = new ApiClient(port).as("police", "police");
		long before = jdbc.sql("SELECT count(*) FROM incident_import").query(Long.class).single();

		Response refused = police.post("/api/incident-imports?source=polisen-typo&wait=true",
				HEADER + "T-1;2024-02-01;theft;16.21;59.0\n", "text/csv");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("source");
		assertThat(refused.json().get("errors").get(0).get("code").stringValue()).isEqualTo("unknown_source");
		assertThat(refused.body()).contains("”polisen-typo” är ingen känd källa")
			.contains("polisen (Polisen)")
			.contains("kommunen (Kommunens egna rapporter)");
		assertThat(jdbc.sql("SELECT count(*) FROM incident_import").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void plannersAddSourcesOnceWhateverTheCaseAndThePoliceChooseFromThem() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		ApiClient police = new ApiClient(port).as("police", "police");

		Response added = planner.post("/api/incident-sources", "{\"name\":\"Trygghetsvärdarnas rapporter\"}",
				"application/json");
		Response again = planner.post("/api/incident-sources", "{\"name\":\"TRYGGHETSVÄRDARNAS RAPPORTER\"}",
				"application/json");
		Response sameSlug = planner.post("/api/incident-sources",
				"{\"name\":\"Annat namn\",\"slug\":\"Trygghetsvardarnas-Rapporter\"}", "application/json");
		Response nameless = planner.post("/api/incident-sources", "{\"name\":\"  \"}", "application/json");
		Response badSlug = planner.post("/api/incident-sources", "{\"name\":\"Bra namn\",\"slug\":\"med mellanslag\"}",
				"application/json");

		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json().get("slug").stringValue()).isEqualTo("trygghetsvardarnas-rapporter");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").stringValue()).isEqualTo("source_exists");
		assertThat(again.json().get("detail").stringValue()).contains("redan en källa ”Trygghetsvärdarnas rapporter”");
		assertThat(sameSlug.status()).isEqualTo(409);
		assertThat(nameless.status()).isEqualTo(422);
		assertThat(badSlug.status()).isEqualTo(422);
		assertThat(badSlug.json().get("errors").get(0).get("field").stringValue()).isEqualTo("slug");
		assertThat(police.post("/api/incident-sources", "{\"name\":\"Polisens egna\"}", "application/json").status())
			.isEqualTo(403);
		assertThat(new ApiClient(port).get("/api/incident-sources").status()).isEqualTo(401);
		JsonNode sources = police.get("/api/incident-sources").json();
		assertThat(sources).extracting(s -> s.get("slug").stringValue())
			.contains("polisen", "kommunen", "trygghetsvardarnas-rapporter");
		assertThat(importCsv(police, "trygghetsvardarnas-rapporter", "TV-1;2024-02-01;disturbance;16.21;59.0\n")
			.get("sourceName").stringValue()).isEqualTo("Trygghetsvärdarnas rapporter");
	}

	@Test
	void theImportListShowsTheNewestFirstAndThePoliceOnlyTheirOwn() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		ApiClient police = new ApiClient(port).as("police", "police");
		long planners = importCsv(planner, "kommunen", "LIST-P-" + System.nanoTime() + ";2024-03-01;theft;16.21;59.0\n")
			.get("id")
			.longValue();
		long polices = importCsv(police, "polisen", "LIST-X-" + System.nanoTime() + ";2024-03-01;theft;16.21;59.0\n")
			.get("id")
			.longValue();

		JsonNode all = planner.get("/api/incident-imports?limit=200").json();
		JsonNode own = police.get("/api/incident-imports?limit=200").json();

		assertThat(all).extracting(i -> i.get("id").longValue()).containsSubsequence(polices, planners);
		assertThat(all.get(0).get("id").longValue()).isEqualTo(polices);
		assertThat(all.get(0).get("sourceName").stringValue()).isEqualTo("Polisen");
		assertThat(all.get(0).get("imported").intValue()).isEqualTo(1);
		assertThat(all.get(0).has("rejections")).as("the list is a summary").isFalse();
		assertThat(own).extracting(i -> i.get("id").longValue()).contains(polices).doesNotContain(planners);
		assertThat(own).extracting(i -> i.get("startedBy").stringValue()).containsOnly("police");
		assertThat(planner.get("/api/incident-imports?limit=0").status()).isEqualTo(400);
		assertThat(new ApiClient(port).get("/api/incident-imports").status()).isEqualTo(401);
	}

}
