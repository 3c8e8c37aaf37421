package se.trygghetskartan.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.OutageApp;
import se.trygghetskartan.TestIncidentSources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops under a running app (a second instance, on a cluster of its own): requests
 * are answered 503 within 3 s instead of hanging, and the app serves again within 5 s of the
 * database's return, without a restart. Also what a slow statement and an import cut off by the
 * outage come to. Timings are printed, as this 2-core machine is noisy.
 */
@IntegrationTest
class DatabaseOutageIT {

	static final Duration ANSWER_BUDGET = Duration.ofSeconds(3);

	static final Duration RECOVERY_BUDGET = Duration.ofSeconds(5);

	// As in PlaceApiIT: a small square in Katrineholm.
	static final String PLACE = """
			{"type": "Feature",
			 "geometry": {"type": "Polygon", "coordinates": [[[16.230,58.9975],[16.2315,58.9975],[16.2315,58.9983],[16.230,58.9983],[16.230,58.9975]]]},
			 "properties": {"name": "Under avbrottet", "reasons": ["poor_lighting"], "source": "safety_walk"}}
			""";

	final OutageApp app = OutageApp.get();

	final ApiClient visitor = app.api();

	final ApiClient planner = visitor.as("planner", "planner");

	final ApiClient management = new ApiClient(app.managementPort());

	@Test
	void whileTheDatabaseIsDownRequestsAre503FastAndAfterItsReturnTheAppServesWithinFiveSeconds() throws Exception {
		assertThat(visitor.get("/api/places?limit=1").status()).isEqualTo(200);
		assertThat(planner.get("/api/places?limit=1").status()).isEqualTo(200);
		List<String> figures = new ArrayList<>();
		HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> loggedIn = formLogin(signedIn);
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).endsWith("/planering");

		app.stopDatabase();
		long stopped = System.nanoTime();
		try {
			List<String> paths = List.of("/api/places?limit=1", "/api/neighbourhoods", "/api/periods",
					"/api/incident-statistics?year=2023");
			for (String path : paths) {
				unavailable(path, () -> visitor.get(path), figures);
			}
			// Eight at once do not queue behind each other.
			List<CompletableFuture<Void>> burst = IntStream.range(0, 8)
				.mapToObj(i -> CompletableFuture.runAsync(() -> unavailable("burst", () -> visitor.get(paths.get(i % 4)), figures)))
				.toList();
			CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
			// A script's HTTP Basic login needs the database too: 503, not 401 and not 500.
			unavailable("basic GET", () -> planner.get("/api/incident-imports/1"), figures);
			unavailable("basic POST", () -> planner.post("/api/places", PLACE), figures);
			// A login needs the database (throttling, the account): 503, not "wrong password" (the login
			// page says so; PagesDuringOutageIT).
			HttpResponse<String> login = formLogin(HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
			assertThat(login.statusCode()).isEqualTo(503);
			assertThat(login.headers().firstValue("Location")).isEmpty();
			// A signed-in planner's page: the session lives in the database, so the page cannot be
			// served; the browser gets a page that says so and tries again, not JSON.
			HttpResponse<String> page = signedIn.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
					+ "/planering")).header("Accept", "text/html,application/xhtml+xml").build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
			assertThat(page.headers().firstValue("Retry-After")).contains("2");
			assertThat(page.body()).contains("Tillfälligt otillgänglig").contains("http-equiv=\"refresh\"");

			assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(503);
			assertThat(visitor.get("/readyz").status()).isEqualTo(503);
			assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
			assertThat(visitor.get("/livez").status()).isEqualTo(200);
			// The pages themselves are static and still load; they say the data is unavailable.
			assertThat(visitor.get("/").status()).isEqualTo(200);
		}
		finally {
			System.out.println("DatabaseOutageIT answers while the database is down: " + figures + "; it was down "
					+ Duration.ofNanos(System.nanoTime() - stopped).toMillis() + " ms");
			app.startDatabase();
		}
		long back = System.nanoTime();
		int status;
		do {
			status = visitor.get("/api/places?limit=1").status();
			if (status != 200) {
				Thread.sleep(50);
			}
		}
		while (status != 200 && System.nanoTime() - back < Duration.ofSeconds(30).toNanos());
		Duration recovery = Duration.ofNanos(System.nanoTime() - back);
		System.out.println("DatabaseOutageIT: 200 again " + recovery.toMillis() + " ms after the database started");

		// The outage lasts over 10 s (printed): long enough for the pool's reconnect backoff to reach
		// its longest, 5 s, which DatabaseConnections cuts short.
		assertThat(status).isEqualTo(200);
		assertThat(recovery).isLessThan(RECOVERY_BUDGET);
		assertThat(planner.get("/api/places?limit=1").status()).isEqualTo(200);
		assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	// One request while the database is down: 503 problem+json with Retry-After, within the budget.
	static void unavailable(String what, Supplier<Response> request, List<String> figures) {
		long start = System.nanoTime();
		Response response = request.get();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		synchronized (figures) {
			figures.add(what + " " + took.toMillis() + " ms");
		}
		assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(503);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("code").stringValue()).isEqualTo("database_unavailable");
		assertThat(response.json().get("title").stringValue()).isEqualTo("Tillfälligt otillgänglig");
		assertThat(response.header("Retry-After")).isEqualTo("2");
		assertThat(took).as(what).isLessThan(ANSWER_BUDGET);
	}

	// Logs in with the form as a browser's script would.
	HttpResponse<String> formLogin(HttpClient browser) throws Exception {
		String base = "http://localhost:" + app.port();
		HttpResponse<String> session = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).build(),
				HttpResponse.BodyHandlers.ofString());
		String token = JsonMapper.builder().build().readTree(session.body()).get("csrf").get("token").stringValue();
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=planner&password=planner&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return login;
	}

	@Test
	void onTheManagementPortPrometheusStillNeedsAnAdmin() {
		assertThat(management.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(management.as("planner", "planner").get("/actuator/prometheus").status()).isEqualTo(403);
		Response metrics = management.as("admin", "admin").get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("hikaricp_connections_active").contains("trygghetskartan_imports_running");
		assertThat(visitor.as("admin", "admin").get("/actuator/prometheus").status()).as("not on the main port")
			.isEqualTo(404);
	}

	@Test
	void anImportCutOffByTheOutageIsMarkedFailedAtItsLineAndARerunAddsTheRestOnce() throws Exception {
		int total = 40_000;
		StringBuilder csv = new StringBuilder("id;occurred_at;category;lon;lat\n");
		for (int i = 0; i < total; i++) {
			csv.append("cut-").append(i).append(";2019-0").append(1 + i % 9).append("-1").append(i % 10)
				.append("T12:00;bike_theft;16.2").append(i % 10).append(";58.99").append(i % 7).append('\n');
		}
		TestIncidentSources.ensure(planner, "outage-test");
		Response started = planner.post("/api/incident-imports?source=outage-test", csv.toString(), "text/csv");
		assertThat(started.status()).isEqualTo(202);
		String location = started.header("Location");

		int stored;
		try (Connection maintenance = app.connect()) {
			// Holds the import at a known point: once some batches are in, a lock makes its next batch
			// wait, and the database stops under it. The outage is real; the lock only fixes when.
			JsonNode progress = planner.get(location).json();
			while (progress.get("imported").intValue() < 3000) {
				assertThat(progress.get("status").stringValue()).isEqualTo("running");
				Thread.sleep(20);
				progress = planner.get(location).json();
			}
			maintenance.setAutoCommit(false);
			try (Statement statement = maintenance.createStatement()) {
				statement.execute("LOCK TABLE incident IN EXCLUSIVE MODE");
				waitUntilAnInsertWaitsForTheLock(statement);
			}
			stored = planner.get(location).json().get("imported").intValue();
			app.stopDatabase();
		}
		try {
			unavailable("during the import", () -> visitor.get("/api/places?limit=1"), new ArrayList<>());
		}
		finally {
			app.startDatabase();
		}

		JsonNode failed = planner.get(location).json();
		for (long end = System.nanoTime() + Duration.ofSeconds(15).toNanos(); failed.get("status")
			.stringValue()
			.equals("running") && System.nanoTime() < end;) {
			Thread.sleep(100);
			failed = planner.get(location).json();
		}
		assertThat(failed.get("status").stringValue()).isEqualTo("failed");
		assertThat(failed.get("imported").intValue()).isEqualTo(stored);
		// The header is line 1, so the first line not stored is the stored count + 2.
		assertThat(failed.get("failure").get("code").stringValue()).isEqualTo("import_database_lost");
		assertThat(failed.get("message").stringValue()).isEqualTo("Databasen blev otillgänglig vid rad "
				+ (stored + 2) + "; kör importen igen: de rader som redan sparats hoppas över.");

		JsonNode rerun = planner.post("/api/incident-imports?source=outage-test&wait=true", csv.toString(), "text/csv")
			.json();
		assertThat(rerun.get("status").stringValue()).isEqualTo("done");
		assertThat(rerun.get("duplicates").intValue()).isEqualTo(stored);
		assertThat(rerun.get("imported").intValue()).isEqualTo(total - stored);
		try (Connection connection = app.connect(); Statement statement = connection.createStatement();
				ResultSet count = statement
					.executeQuery("SELECT count(*), count(DISTINCT source_id) FROM incident WHERE source = 'outage-test'")) {
			count.next();
			assertThat(count.getInt(1)).isEqualTo(total);
			assertThat(count.getInt(2)).isEqualTo(total);
		}
	}

	static void waitUntilAnInsertWaitsForTheLock(Statement statement) throws Exception {
		for (int i = 0; i < 200; i++) {
			// Within a transaction PostgreSQL keeps showing the activity it first saw, unless told.
			statement.execute("SELECT pg_stat_clear_snapshot()");
			try (ResultSet waiting = statement.executeQuery("""
					SELECT count(*) FROM pg_stat_activity
					WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO incident%'
					""")) {
				waiting.next();
				if (waiting.getInt(1) > 0) {
					return;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The import never waited for the lock");
	}

	@Test
	void aPublicReadStuckBehindALockIs503AfterTheStatementTimeoutWhileStaffMayWaitLonger() throws Exception {
		try (Connection maintenance = app.connect()) {
			maintenance.setAutoCommit(false);
			try (Statement statement = maintenance.createStatement()) {
				// What a migration or VACUUM FULL holds: every read of the table waits behind it.
				statement.execute("LOCK TABLE unsafe_place IN ACCESS EXCLUSIVE MODE");
			}
			CompletableFuture<Response> staff = CompletableFuture
				.supplyAsync(() -> planner.send(planner.request("/api/places?limit=1").timeout(Duration.ofSeconds(30)).GET()));

			long start = System.nanoTime();
			Response response = visitor
				.send(visitor.request("/api/places?limit=1").timeout(Duration.ofSeconds(10)).GET());
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			System.out.println("DatabaseOutageIT: a public read behind a lock answered after " + took.toMillis() + " ms");

			assertThat(response.status()).as(response.body()).isEqualTo(503);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("code").stringValue()).isEqualTo("database_timeout");
			assertThat(response.header("Retry-After")).isEqualTo("2");
			// The instance's public timeout is 2 s: the statement ran until it, and not much longer.
			assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(4500));
			Thread.sleep(500);
			assertThat(staff).as("staff have no public timeout").isNotDone();
			maintenance.rollback();
			assertThat(staff.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
		}
		assertThat(visitor.get("/api/places?limit=1").status()).isEqualTo(200);
	}

}
