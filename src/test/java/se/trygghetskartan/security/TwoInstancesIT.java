package se.trygghetskartan.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.BrowserClient;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.account.AccountService;
import se.trygghetskartan.account.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, as behind a load balancer: sessions and the login throttle's
 * counters are PostgreSQL's, so both instances share them. The second instance trusts a proxy on
 * loopback, so that tests can say which address a request comes from (X-Forwarded-For); the shared
 * test context trusts no proxy, as production does by default.
 * <p>
 * Every failed login from loopback to the shared context counts towards that address's limit (30 in
 * 15 minutes), for all test classes together: tests that need many failures make them here, from
 * addresses of their own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

	static final String PASSWORD = "Två-instanser-en-databas";

	static final String PLACE = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2080,58.9958]},
			 "properties":{"name":"Två instanser","reasons":["other"],"source":"other"}}""";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	ConfigurableApplicationContext second;

	int secondPort;

	@BeforeAll
	void startSecondInstance() {
		second = AppInstance.start(AppInstance.sharedDatabase(), "--spring.profiles.active=demo",
				"--trygghetskartan.trusted-proxies=127.0.0.1");
		secondPort = AppInstance.port(second);
	}

	@AfterAll
	void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aSessionMadeOnOneInstanceWritesOnTheOtherWithTheSameCookieAndToken() {
		BrowserClient onFirst = BrowserClient.on(port);
		onFirst.logIn("planner", "planner");
		BrowserClient onSecond = onFirst.at(secondPort);

		JsonNode csrfFromFirst = onFirst.session().get("csrf");
		Response created = onSecond.postPlace(PLACE, csrfFromFirst);

		assertThat(onSecond.session().get("username").stringValue()).isEqualTo("planner");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("properties").get("createdBy").stringValue()).isEqualTo("planner");
	}

	@Test
	void loggingOutOnOneInstanceEndsTheSessionOnBoth() {
		BrowserClient onFirst = BrowserClient.on(port);
		onFirst.logIn("planner", "planner");
		String cookie = onFirst.cookie(SecurityIT.SESSION_COOKIE);
		BrowserClient keptCookie = BrowserClient.withCookie(port, SecurityIT.SESSION_COOKIE, cookie);
		assertThat(keptCookie.session().get("authenticated").booleanValue()).as("the cookie alone is the session")
			.isTrue();

		assertThat(onFirst.at(secondPort).logOut().status()).isEqualTo(302);

		assertThat(keptCookie.session().get("authenticated").booleanValue()).isFalse();
		assertThat(keptCookie.postPlace(PLACE).status()).isEqualTo(401);
	}

	@Test
	void failuresCountOnEveryInstanceAndAForgedForwardedForChangesNothing() {
		accounts.create("tt-forged", PASSWORD, List.of(Role.PLANNER));
		for (int i = 0; i < 5; i++) {
			// The shared context trusts no proxy: the header is the attacker's own, and ignored.
			assertThat(new ApiClient(port).from("203.0.113." + i).as("tt-forged", "guess-" + i).get("/api/places?limit=1")
				.status()).isEqualTo(401);
			assertThat(new ApiClient(secondPort).as("tt-forged", "guess-" + i).get("/api/places?limit=1").status())
				.isEqualTo(401);
		}

		Response first = new ApiClient(port).from("203.0.113.99").as("tt-forged", PASSWORD).get("/api/places?limit=1");
		Response other = new ApiClient(secondPort).as("tt-forged", PASSWORD).get("/api/places?limit=1");

		assertThrottled(first);
		assertThrottled(other);
		assertThat(new ApiClient(port).as("planner", "planner").get("/api/session").json().get("username").stringValue())
			.as("another account from the same address").isEqualTo("planner");
	}

	@Test
	void elevenWrongPasswordsOnTheLoginFormAreThrottledForThatUserAndAddressOnly() {
		accounts.create("tt-form", PASSWORD, List.of(Role.PLANNER));
		BrowserClient browser = BrowserClient.on(secondPort).from("198.51.100.40");
		for (int i = 0; i < 10; i++) {
			assertThat(browser.logIn("tt-form", "guess-" + i).header("Location")).contains("/login?error");
		}

		assertThrottled(browser.logIn("tt-form", PASSWORD));
		assertThrottled(new ApiClient(secondPort).from("198.51.100.40").as("tt-form", PASSWORD).get("/api/session"));
		assertThat(BrowserClient.on(secondPort).from("198.51.100.40").logIn("planner", "planner").header("Location"))
			.as("another account from the same address").doesNotContain("error");
		assertThat(BrowserClient.on(secondPort).from("198.51.100.41").logIn("tt-form", PASSWORD).header("Location"))
			.as("the same account from another address").doesNotContain("error");
	}

	@Test
	void thirtyFailuresFromOneAddressThrottleEveryAccountAndTokenFromThere() {
		BrowserClient planner = BrowserClient.on(port);
		planner.logIn("planner", "planner");
		String token = planner.post("/api/account/tokens", "{\"name\": \"throttle\", \"expiresOn\": \""
				+ java.time.LocalDate.now().plusDays(1) + "\"}").json().get("token").stringValue();
		ApiClient fromThere = new ApiClient(secondPort).from("198.51.100.30");
		for (int i = 0; i < 20; i++) {
			assertThat(fromThere.as("nobody-" + i, "guess").get("/api/session").status()).isEqualTo(401);
		}
		for (int i = 0; i < 10; i++) {
			assertThat(fromThere.bearer("tk_not-a-token-" + i).get("/api/session").status()).isEqualTo(401);
		}

		assertThrottled(fromThere.as("planner", "planner").get("/api/session"));
		assertThrottled(fromThere.bearer(token).get("/api/session"));
		assertThat(new ApiClient(secondPort).from("198.51.100.31").bearer(token).get("/api/session").json()
			.get("username").stringValue()).isEqualTo("planner");
	}

	@Test
	void aHundredFailuresForOneUserFromAnywhereThrottleThatUserEverywhere() {
		accounts.create("tt-popular", PASSWORD, List.of(Role.POLICE));
		for (int i = 0; i < 100; i++) {
			assertThat(new ApiClient(secondPort).from("192.0.2." + (i % 20)).as("tt-popular", "guess-" + i)
				.get("/api/session").status()).isEqualTo(401);
		}

		assertThrottled(new ApiClient(secondPort).from("192.0.2.200").as("tt-popular", PASSWORD).get("/api/session"));
	}

	@Test
	void anUnknownUserNameIsAnsweredAsAWrongPasswordIsAndAsSlowly() {
		List<Long> unknown = new ArrayList<>();
		List<Long> known = new ArrayList<>();
		Response lastUnknown = null;
		Response lastKnown = null;
		for (int i = 0; i < 7; i++) {
			ApiClient client = new ApiClient(secondPort).from("198.51.100." + (60 + i));
			long start = System.nanoTime();
			lastUnknown = client.as("no-such-user-" + i, "guess").get("/api/places?limit=1");
			unknown.add(System.nanoTime() - start);
			start = System.nanoTime();
			lastKnown = client.as("police", "guess-" + i).get("/api/places?limit=1");
			known.add(System.nanoTime() - start);
		}

		assertThat(lastUnknown.status()).isEqualTo(lastKnown.status()).isEqualTo(401);
		assertThat(lastUnknown.json().get("detail")).isEqualTo(lastKnown.json().get("detail"));
		assertThat(lastUnknown.header("WWW-Authenticate")).isEqualTo(lastKnown.header("WWW-Authenticate"));
		// A password check costs a bcrypt comparison; an unknown user costs one too (against a dummy
		// hash), so its answer is not the quick one that would give the name away.
		assertThat(median(unknown)).isGreaterThan(median(known) / 2);
	}

	private static void assertThrottled(Response response) {
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 900L);
		assertThat(response.json().get("code").stringValue()).isEqualTo("too_many_logins");
		assertThat(response.json().get("detail").stringValue()).contains("För många misslyckade inloggningar");
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

}
