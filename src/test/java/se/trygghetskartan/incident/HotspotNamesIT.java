package se.trygghetskartan.incident;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestIncidentSources;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hotspots are named from our own data: the district a square lies in and the nearest published
 * unsafe place there. The incidents here are from 2005, a year no other test or the demo uses.
 */
@IntegrationTest
class HotspotNamesIT {

	static final String YEAR_2005 = "from=2005-01-01&to=2005-12-31";

	@LocalServerPort
	int port;

	ApiClient police;

	ApiClient planner;

	@BeforeEach
	void clients() {
		police = new ApiClient(port).as("police", "police");
		planner = new ApiClient(port).as("planner", "planner");
		TestIncidentSources.ensure(planner, "hotspot-names");
	}

	void importIncidents(String lon, String lat, String prefix, int count) {
		StringBuilder csv = new StringBuilder("id;occurred_at;category;lon;lat\n");
		for (int i = 0; i < count; i++) {
			csv.append(prefix).append(i).append(";2005-0").append(1 + i % 9).append("-1").append(i % 10)
				.append("T21:00;vandalism;").append(lon).append(';').append(lat).append('\n');
		}
		Response imported = police.post("/api/incident-imports?source=hotspot-names&wait=true", csv.toString(),
				"text/csv");
		assertThat(imported.json().get("imported").intValue()).as(imported.toString()).isEqualTo(count);
	}

	JsonNode hotspot(String slug) {
		for (JsonNode cell : police.get("/api/incident-hotspots?" + YEAR_2005).json().get("features")) {
			JsonNode district = cell.get("properties").get("district");
			if (slug == null ? district.isNull() : !district.isNull() && district.get("slug").stringValue().equals(slug)) {
				return cell;
			}
		}
		throw new AssertionError("no hotspot in " + slug);
	}

	long place(double lon, double lat, String name, boolean published) {
		Response created = planner.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"name":"%s","reasons":["crime_exposed"],"source":"police","published":%s}}"""
			.formatted(lon, lat, name, published));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").longValue();
	}

	@Test
	void aHotspotIsNamedByItsDistrictAndTheNearestPublishedPlaceNeverADraft() {
		importIncidents("16.2365", "58.9975", "HN-", 6);
		importIncidents("16.3000", "59.0500", "HX-", 5);

		JsonNode cell = hotspot("navertorp");
		assertThat(cell.get("properties").get("district").get("name").stringValue()).isEqualTo("Nävertorp");
		assertThat(cell.get("properties").get("count").intValue()).isEqualTo(6);
		double[] centre = centre(cell.get("geometry"));
		long draft = place(centre[0], centre[1], "Utkast mitt i rutan", false);
		JsonNode nearest = hotspot("navertorp").get("properties").get("nearestPlace");
		assertThat(nearest.get("id").longValue()).as("a draft names nothing").isNotEqualTo(draft);
		assertThat(new ApiClient(port).get("/api/places/" + nearest.get("id").longValue()).status())
			.as("the nearest place is a published one").isEqualTo(200);

		long published = place(centre[0], centre[1], "Hörnet vid bollplanen", true);
		nearest = hotspot("navertorp").get("properties").get("nearestPlace");
		assertThat(nearest.get("id").longValue()).isEqualTo(published);
		assertThat(nearest.get("name").stringValue()).isEqualTo("Hörnet vid bollplanen");
		assertThat(nearest.get("direction").isNull()).as("the square's centre is at the place").isTrue();

		JsonNode outside = hotspot(null).get("properties");
		assertThat(outside.get("count").intValue()).isEqualTo(5);
		assertThat(outside.get("nearestPlace").isNull()).isTrue();
	}

	// The middle of a grid square, from its polygon's corners (the ring repeats its first corner last).
	static double[] centre(JsonNode polygon) {
		JsonNode ring = polygon.get("coordinates").get(0);
		double lon = 0;
		double lat = 0;
		for (int i = 0; i < ring.size() - 1; i++) {
			lon += ring.get(i).get(0).doubleValue();
			lat += ring.get(i).get(1).doubleValue();
		}
		return new double[] { lon / (ring.size() - 1), lat / (ring.size() - 1) };
	}

}
