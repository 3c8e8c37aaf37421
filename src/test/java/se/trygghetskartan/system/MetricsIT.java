package se.trygghetskartan.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestIncidentSources;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What Prometheus scrapes: for admins only; latency per endpoint, the pool, imports. */
@IntegrationTest
class MetricsIT {

	@LocalServerPort
	int port;

	@Test
	void prometheusIsForAdminsOnly() {
		ApiClient client = new ApiClient(port);
		assertThat(client.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(client.as("planner", "planner").get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(client.as("police", "police").get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(client.as("admin", "admin").get("/actuator/prometheus").status()).isEqualTo(200);
	}

	@Test
	void prometheusShowsLatencyPerEndpointThePoolAndImportProgress() {
		ApiClient client = new ApiClient(port);
		ApiClient admin = client.as("admin", "admin");
		assertThat(client.get("/api/places/1").status()).isEqualTo(200);
		double importedBefore = value(scrape(admin), "trygghetskartan_imports_lines_imported_total");
		double doneBefore = value(scrape(admin), "trygghetskartan_imports_finished_total", "status=\"done\"");

		TestIncidentSources.ensure(client.as("planner", "planner"), "metrics-test");
		Response imported = client.as("planner", "planner")
			.post("/api/incident-imports?source=metrics-test&wait=true", """
					id;occurred_at;category;lon;lat
					m1;2021-03-01T10:00;vandalism;16.21;58.995
					m2;2021-03-02T10:00;vandalism;16.22;58.996
					m3;2021-03-03T10:00;nonsense;16.22;58.996
					""", "text/csv");
		assertThat(imported.json().get("imported").intValue()).isEqualTo(2);

		String metrics = scrape(admin);
		// Per URI template, not per id, with the buckets of application.yml.
		assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/places/\\{id\\}\"")
			.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/places/\\{id\\}\",le=\"5\\.0\"")
			.contains("hikaricp_connections_active{")
			.contains("hikaricp_connections_pending{")
			.contains("trygghetskartan_imports_running{kind=\"incident\"} 0.0");
		assertThat(value(metrics, "trygghetskartan_imports_lines_imported_total")).isEqualTo(importedBefore + 2);
		assertThat(value(metrics, "trygghetskartan_imports_lines_rejected_total")).isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "trygghetskartan_imports_finished_total", "status=\"done\"")).isEqualTo(doneBefore + 1);
	}

	static String scrape(ApiClient admin) {
		Response response = admin.get("/actuator/prometheus");
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	// The value of a series whose labels contain the given one (0 when it is not there yet).
	static double value(String metrics, String name, String... labels) {
		Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
		while (line.find()) {
			String found = line.group(1);
			if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
				return Double.parseDouble(line.group(2));
			}
		}
		return 0;
	}

}
