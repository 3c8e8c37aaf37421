package se.trygghetskartan.neighbourhood;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class NeighbourhoodApiIT {

	@LocalServerPort
	int port;

	ApiClient anonymous;

	@BeforeEach
	void client() {
		anonymous = new ApiClient(port);
	}

	@Test
	void listsTheThreeFocusDistrictsWithCounts() {
		Response response = anonymous.get("/api/neighbourhoods");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/geo+json");
		JsonNode features = response.json().get("features");
		assertThat(features).extracting(f -> f.get("properties").get("name").stringValue())
			.containsExactly("Centrum", "Norr", "Nävertorp");
		for (JsonNode feature : features) {
			JsonNode props = feature.get("properties");
			assertThat(feature.get("geometry").get("type").stringValue()).isEqualTo("MultiPolygon");
			assertThat(props.get("description").stringValue()).contains("ungefärlig");
			assertThat(props.get("placeCount").intValue()).isGreaterThanOrEqualTo(6);
			int byStatus = 0;
			for (String status : new String[] { "proposed", "planned", "in_progress", "done", "rejected" }) {
				byStatus += props.get("measuresByStatus").get(status).intValue();
			}
			assertThat(byStatus).isEqualTo(props.get("measureCount").intValue()).isPositive();
		}
	}

	@Test
	void oneDistrictBySlugAndAProblemForAnUnknownOne() {
		assertThat(anonymous.get("/api/neighbourhoods/norr").json().get("properties").get("name").stringValue())
			.isEqualTo("Norr");

		Response unknown = anonymous.get("/api/neighbourhoods/atlantis");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.get("/api/neighbourhoods/atlantis/summary").status()).isEqualTo(404);
	}

	@Test
	void summaryGroupsTheDistrictsMeasuresByStatus() {
		JsonNode summary = anonymous.get("/api/neighbourhoods/centrum/summary").json();

		assertThat(summary.get("neighbourhood").get("properties").get("slug").stringValue()).isEqualTo("centrum");
		assertThat(summary.get("places").get("features")).extracting(f -> f.get("properties").get("name").stringValue())
			.contains("Stationstorget", "Gångtunneln under järnvägen");
		JsonNode byStatus = summary.get("measuresByStatus");
		assertThat(byStatus.propertyNames()).containsExactly("proposed", "planned", "in_progress", "done", "rejected");
		byStatus.properties().forEach(entry -> entry.getValue().get("features").forEach(
				measure -> assertThat(measure.get("properties").get("status").stringValue()).isEqualTo(entry.getKey())));
		assertThat(byStatus.get("done").get("features"))
			.extracting(f -> f.get("properties").get("title").stringValue())
			.contains("Nya cykelställ med ramlås vid stationen");
	}

}
