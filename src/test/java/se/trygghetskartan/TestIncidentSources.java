package se.trygghetskartan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident sources of the tests' own: an import must name a source of the managed list, and each
 * test imports under a source of its own so that its incident ids meet no other test's.
 */
public final class TestIncidentSources {

	private TestIncidentSources() {
	}

	/** Adds the sources (as a planner or admin) unless they exist; returns the first slug. */
	public static String ensure(ApiClient planner, String... slugs) {
		for (String slug : slugs) {
			int status = planner.post("/api/incident-sources",
					"{\"slug\":\"" + slug + "\",\"name\":\"Testkälla " + slug + "\"}", "application/json").status();
			assertThat(status).as("adding source " + slug).isIn(201, 409);
		}
		return slugs[0];
	}

}
