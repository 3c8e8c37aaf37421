package se.trygghetskartan;

import static org.assertj.core.api.Assertions.assertThat;

/** Unsafe places the tests make where they need them: a point, published or a draft. */
public final class TestPlaces {

	private TestPlaces() {
	}

	/** Makes a point place (as a planner or admin) with one reason and a source; returns its id. */
	public static long point(ApiClient planner, String name, double lon, double lat, String reason, String source,
			boolean published) {
		ApiClient.Response created = planner.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"name":"%s","reasons":["%s"],"source":"%s","published":%s}}"""
			.formatted(lon, lat, name, reason, source, published));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").longValue();
	}

}
