package se.trygghetskartan.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.BrowserClient;
import se.trygghetskartan.TestDatabase;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A municipality's first production start: no demo profile, an empty PostGIS, and the two admin
 * variables; then the journey a new admin and planner make, over HTTP.
 */
class FirstStartIT {

	static final String ADMIN_PASSWORD = "Rött-tegel-vid-ån-2031";

	static final String TEMPORARY = "Tillfälligt-lösen-4711";

	static final String ANNAS_OWN = "Blå-cykel-på-bron-77";

	static final String PLACE = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2065,58.9960]},
			 "properties":{"name":"Första platsen","reasons":["poor_lighting"],"source":"safety_walk"}}""";

	@Test
	void theFirstAdminSetsUpAPlannerWhoChangesHerPasswordAndMapsAPlace() {
		Map<String, String> database = TestDatabase.freshDatabase("first_start");
		try (ConfigurableApplicationContext app = start(database, "it-admin", ADMIN_PASSWORD)) {
			int port = port(app);
			BrowserClient admin = BrowserClient.on(port);
			assertThat(admin.logIn("it-admin", ADMIN_PASSWORD).header("Location")).as("no change needed: IT chose it")
				.endsWith("/planering");
			assertThat(admin.post("/api/admin/users", """
					{"username": "anna", "displayName": "Anna Planerare", "roles": ["planner"], "password": "%s"}
					""".formatted(TEMPORARY)).status()).isEqualTo(201);

			BrowserClient anna = BrowserClient.on(port);
			assertThat(anna.logIn("anna", TEMPORARY).header("Location")).endsWith("/konto");
			assertThat(anna.postPlace(PLACE).status()).isEqualTo(403);
			assertThat(anna.put("/api/account/password", """
					{"currentPassword": "%s", "newPassword": "%s"}""".formatted(TEMPORARY, ANNAS_OWN)).status())
				.isEqualTo(204);
			assertThat(anna.postPlace(PLACE).status()).isEqualTo(201);
			assertThat(anna.get("/api/admin/users").status()).isEqualTo(403);

			// Done when 3: the 11th wrong password is refused before it is checked; admin is unaffected.
			ApiClient guesser = new ApiClient(port);
			for (int i = 1; i <= 10; i++) {
				assertThat(guesser.as("anna", "guess-" + i).get("/api/places").status()).isEqualTo(401);
			}
			Response eleventh = guesser.as("anna", "guess-11").get("/api/places");
			assertThat(eleventh.status()).isEqualTo(429);
			assertThat(eleventh.header("Retry-After")).isNotNull();
			assertThat(guesser.as("anna", ANNAS_OWN).get("/api/places").status()).isEqualTo(429);
			assertThat(BrowserClient.on(port).logIn("it-admin", ADMIN_PASSWORD).header("Location"))
				.doesNotContain("error");

			// Once an admin exists the variables change nothing, even on another instance started with others.
			try (ConfigurableApplicationContext again = start(database, "it-admin", "Helt-annat-lösen-9876")) {
				assertThat(BrowserClient.on(port(again)).logIn("it-admin", ADMIN_PASSWORD).header("Location"))
					.doesNotContain("error");
			}
		}
	}

	@Test
	void aShortOrCommonAdminPasswordStopsTheStartAndSaysWhy() {
		Map<String, String> database = TestDatabase.freshDatabase("first_start_refused");

		assertThatThrownBy(() -> start(database, "it-admin", "kort-lösen").close())
			.hasStackTraceContaining("Refusing to start: TRYGGHETSKARTAN_ADMIN_PASSWORD is refused: At least 12 characters.");
		assertThatThrownBy(() -> start(database, "it-admin", "Sommar2024!!").close())
			.hasStackTraceContaining("Refusing to start: TRYGGHETSKARTAN_ADMIN_PASSWORD is refused: Too common");
	}

	// No profile: production, as a municipality starts it.
	private static ConfigurableApplicationContext start(Map<String, String> database, String username,
			String password) {
		return AppInstance.start(database, "--trygghetskartan.admin.username=" + username,
				"--trygghetskartan.admin.password=" + password);
	}

	private static int port(ConfigurableApplicationContext app) {
		return AppInstance.port(app);
	}

}
