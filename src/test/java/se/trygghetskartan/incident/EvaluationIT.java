package se.trygghetskartan.incident;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The before/after arithmetic on constructed incidents around a measure completed in 2012. */
@IntegrationTest
class EvaluationIT {

	@LocalServerPort
	int port;

	@Autowired
	IncidentStore store;

	long measureAt(double lon, double lat, String completedOn) {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		long place = planner.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"name":"Utvärdering","reasons":["crime_exposed"],"source":"police"}}""".formatted(lon, lat))
			.json().get("id").longValue();
		return planner.post("/api/measures", """
				{"type":"Feature","geometry":null,"properties":{"title":"Belysning","type":"lighting","owner":"municipality",
				 "status":"done","completedOn":"%s","placeIds":[%d]}}""".formatted(completedOn, place))
			.json().get("id").longValue();
	}

	void incidents(String prefix, int count, double lon, double lat, LocalDate day) {
		List<IncidentRow> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new IncidentRow(i, prefix + i, lon + i * 0.00001, lat, 4326, day.atTime(22, 0).atOffset(ZoneOffset.UTC),
					null, IncidentCategory.VANDALISM, false));
		}
		store.store("evaluation", "test", rows);
	}

	@Test
	void comparesBeforeAndAfterInTheAreaWithTheRestOfTheDistrict() {
		// A spot in Nävertorp, well inside the district, away from the demo's places.
		double lon = 16.2380;
		double lat = 59.0000;
		long measure = measureAt(lon, lat, "2012-06-01");
		incidents("near-before-", 20, lon, lat, LocalDate.of(2011, 12, 1));
		incidents("near-after-", 10, lon, lat, LocalDate.of(2012, 9, 1));
		incidents("far-before-", 40, 16.2260, 59.0040, LocalDate.of(2012, 2, 1));
		incidents("far-after-", 40, 16.2260, 59.0040, LocalDate.of(2012, 10, 1));
		incidents("too-early-", 30, lon, lat, LocalDate.of(2010, 1, 1));

		JsonNode evaluation = new ApiClient(port).as("planner", "planner")
			.get("/api/measures/" + measure + "/evaluation?months=12&buffer=50")
			.json();

		assertThat(evaluation.get("area").get("before").longValue()).isEqualTo(20);
		assertThat(evaluation.get("area").get("after").longValue()).isEqualTo(10);
		assertThat(evaluation.get("area").get("changePercent").doubleValue()).isEqualTo(-50.0);
		assertThat(evaluation.get("comparison").get("name").stringValue()).isEqualTo("Nävertorp");
		assertThat(evaluation.get("comparison").get("before").longValue()).isEqualTo(40);
		assertThat(evaluation.get("comparison").get("changePercent").doubleValue()).isEqualTo(0.0);
		assertThat(evaluation.get("difference").doubleValue()).isEqualTo(-50.0);
		assertThat(evaluation.get("verdict").stringValue()).isEqualTo("fewer");
		assertThat(evaluation.get("complete").booleanValue()).isTrue();
	}

	@Test
	void saysSoWhenThereAreTooFewIncidentsToTellAnything() {
		double lon = 16.2400;
		double lat = 58.9975;
		long measure = measureAt(lon, lat, "2013-06-01");
		incidents("few-before-", 3, lon, lat, LocalDate.of(2013, 1, 1));
		incidents("few-after-", 1, lon, lat, LocalDate.of(2013, 9, 1));

		JsonNode planner = new ApiClient(port).as("planner", "planner")
			.get("/api/measures/" + measure + "/evaluation?months=12&buffer=50").json();
		JsonNode open = new ApiClient(port).get("/api/measures/" + measure + "/evaluation?months=12").json();

		assertThat(planner.get("verdict").stringValue()).isEqualTo("too_few");
		assertThat(planner.get("area").get("before").longValue()).isEqualTo(3);
		assertThat(planner.get("area").get("changePercent").isNull()).isTrue();
		assertThat(open.get("verdict").stringValue()).isEqualTo("too_few");
		assertThat(open.get("area").get("before").isNull()).as("3 is never shown publicly").isTrue();
		assertThat(open.get("area").get("after").isNull()).isTrue();
	}

}
