package se.trygghetskartan.geo;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@IntegrationTest
class CoordinateTransformIT {

	@LocalServerPort
	int port;

	@Test
	void swerefPositionsTypedByAPlannerBecomeLongitudeAndLatitudeInTheirOrder() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");

		// Stationstorget: SWEREF 99 TM 569362.3 / 6540221.8 is WGS 84 16.2072 / 58.9959.
		Response answer = planner.post("/api/coordinate-transforms",
				"{\"crs\":\"EPSG:3006\",\"coordinates\":[[569362.3,6540221.8],[570000,6541000]]}", "application/json");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode coordinates = answer.json().get("coordinates");
		assertThat(answer.json().get("crs").stringValue()).isEqualTo("EPSG:4326");
		assertThat(coordinates).hasSize(2);
		assertThat(coordinates.get(0).get(0).doubleValue()).isCloseTo(16.2072, within(0.00001));
		assertThat(coordinates.get(0).get(1).doubleValue()).isCloseTo(58.9959, within(0.00001));
		assertThat(coordinates.get(1).get(0).doubleValue()).isGreaterThan(16.2072);
		assertThat(coordinates.get(1).get(1).doubleValue()).isGreaterThan(58.9959);
	}

	@Test
	void positionsThatAreNotInSwedenOrNotPositionsAreRefusedOneByOne() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");

		Response refused = planner.post("/api/coordinate-transforms",
				"{\"crs\":\"EPSG:3006\",\"coordinates\":[[569362.3,6540221.8],[58.99,16.2],[1,2,3],\"x\"]}",
				"application/json");
		Response noCrs = planner.post("/api/coordinate-transforms", "{\"crs\":\"EPSG:3857\",\"coordinates\":[]}",
				"application/json");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("errors")).extracting(e -> e.get("field").stringValue())
			.containsExactly("coordinates[1]", "coordinates[2]", "coordinates[3]");
		assertThat(refused.json().get("errors")).extracting(e -> e.get("code").stringValue()).contains("not_sweref");
		assertThat(noCrs.json().get("errors")).extracting(e -> e.get("field").stringValue())
			.containsExactly("crs", "coordinates");
		assertThat(new ApiClient(port).post("/api/coordinate-transforms",
				"{\"crs\":\"EPSG:3006\",\"coordinates\":[[569362.3,6540221.8]]}", "application/json").status())
			.isEqualTo(401);
	}

}
