package se.trygghetskartan.neighbourhood;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class NeighbourhoodApiIT extends ApiTest {

	static JsonNode norr(ApiClient client) {
		return client.get("/api/neighbourhoods").json().get("features").get(1).get("properties");
	}

	@Test
	void thePublicCountsPublishedPlacesAndMeasuresOnlyWhileStaffCountDraftsToo() {
		ApiClient planner = anonymous.as("planner", "planner");
		JsonNode publicBefore = norr(anonymous);
		JsonNode staffBefore = norr(planner);
		Response draft = planner.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2050,59.0100]},
				 "properties":{"name":"Utkast i Norr","reasons":["other"],"source":"resident","published":false}}""");
		assertThat(draft.json().get("properties").get("neighbourhood").get("slug").stringValue()).isEqualTo("norr");
		long place = draft.json().get("id").longValue();
		// A published measure with no geometry of its own is where its places are: for the public, nowhere.
		for (String published : new String[] { "true", "false" }) {
			assertThat(planner.post("/api/measures", """
					{"type":"Feature","geometry":null,"properties":{"title":"Åtgärd i Norr","type":"other",
					 "owner":"municipality","status":"planned","placeIds":[%d],"published":%s}}"""
				.formatted(place, published)).status()).isEqualTo(201);
		}

		JsonNode publicAfter = norr(anonymous);
		JsonNode staffAfter = norr(planner);
		assertThat(publicAfter.get("placeCount")).isEqualTo(publicBefore.get("placeCount"));
		assertThat(publicAfter.get("measureCount")).isEqualTo(publicBefore.get("measureCount"));
		assertThat(publicAfter.get("measuresByStatus")).isEqualTo(publicBefore.get("measuresByStatus"));
		assertThat(staffAfter.get("placeCount").intValue()).isEqualTo(staffBefore.get("placeCount").intValue() + 1);
		assertThat(staffAfter.get("measureCount").intValue()).isEqualTo(staffBefore.get("measureCount").intValue() + 2);
		assertThat(staffAfter.get("measuresByStatus").get("planned").intValue())
			.isEqualTo(staffBefore.get("measuresByStatus").get("planned").intValue() + 2);
		assertThat(anonymous.get("/api/neighbourhoods/norr").json().get("properties")).isEqualTo(publicAfter);
		assertThat(anonymous.get("/api/neighbourhoods/norr/summary").body()).doesNotContain("Utkast i Norr")
			.doesNotContain("Åtgärd i Norr");
		assertThat(planner.get("/api/neighbourhoods/norr/summary").body()).contains("Utkast i Norr")
			.contains("Åtgärd i Norr");
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
