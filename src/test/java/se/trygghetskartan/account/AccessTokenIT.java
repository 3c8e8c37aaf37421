package se.trygghetskartan.account;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.BrowserClient;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal access tokens: made on one's own account, shown once, used by scripts and QGIS. */
@IntegrationTest
class AccessTokenIT {

	static final String PASSWORD = "Skript-och-kartor-42";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Test
	void aTokenIsShownOnceStoredHashedAndWorksAsBasicPasswordAndAsBearer() {
		BrowserClient owner = signedIn("tok-gis");

		Response created = owner.post("/api/account/tokens", token("QGIS på kontoret", 30));

		assertThat(created.status()).isEqualTo(201);
		String token = created.json().get("token").stringValue();
		assertThat(token).startsWith("tk_").hasSize(46);
		assertThat(created.json().get("prefix").stringValue()).isEqualTo(token.substring(0, 9));
		JsonNode listed = owner.get("/api/account/tokens").json();
		assertThat(listed).extracting(t -> t.get("name").stringValue()).containsExactly("QGIS på kontoret");
		assertThat(listed.toString()).doesNotContain(token);
		assertThat(jdbc.sql("SELECT count(*) FROM access_token WHERE token_hash = :token OR prefix = :token")
			.param("token", token)
			.query(Long.class)
			.single()).as("only a hash is stored").isZero();

		Response byBasic = new ApiClient(port).as("tok-gis", token).post("/api/places", AccountAdminIT.PLACE);
		Response byBearer = new ApiClient(port).bearer(token).post("/api/places", AccountAdminIT.PLACE);
		assertThat(byBasic.status()).isEqualTo(201);
		assertThat(byBasic.header("Set-Cookie")).isNull();
		assertThat(byBearer.status()).isEqualTo(201);
		assertThat(byBearer.json().get("properties").get("createdBy").stringValue()).isEqualTo("tok-gis");
		assertThat(owner.get("/api/account/tokens").json().get(0).get("lastUsedAt").isNull()).isFalse();
	}

	@Test
	void aTokenOpensOnlyItsOwnersAccount() {
		String token = signedIn("tok-own").post("/api/account/tokens", token("skript", 7)).json().get("token").stringValue();
		accounts.create("tok-other", PASSWORD, List.of(Role.PLANNER));

		assertThat(new ApiClient(port).as("tok-other", token).post("/api/places", AccountAdminIT.PLACE).status())
			.isEqualTo(401);
	}

	@Test
	void aTokenCannotMakeTokensOrChangeThePassword() {
		String token = signedIn("tok-limited").post("/api/account/tokens", token("skript", 7)).json().get("token")
			.stringValue();
		ApiClient script = new ApiClient(port).bearer(token);

		Response more = script.post("/api/account/tokens", token("för evigt", 300), "application/json");
		Response password = script.putJson("/api/account/password", AccountAdminIT.password(PASSWORD, "Helt-nytt-lösen-55"));

		assertThat(more.status()).isEqualTo(403);
		assertThat(more.json().get("code").stringValue()).isEqualTo("token_cannot_manage_account");
		assertThat(password.status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM access_token WHERE username = 'tok-limited'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aRevokedOrExpiredTokenOpensNothing() {
		BrowserClient owner = signedIn("tok-revoked");
		JsonNode first = owner.post("/api/account/tokens", token("gammal", 7)).json();
		JsonNode second = owner.post("/api/account/tokens", token("utgången", 7)).json();

		assertThat(owner.delete("/api/account/tokens/" + first.get("id").longValue()).status()).isEqualTo(204);
		jdbc.sql("UPDATE access_token SET expires_at = now() - interval '1 second', created_at = now() - interval '1 day'"
				+ " WHERE id = :id").param("id", second.get("id").longValue()).update();

		Response revoked = new ApiClient(port).bearer(first.get("token").stringValue()).get("/api/incidents?from=2024-01-01&to=2024-02-01");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.json().get("code").stringValue()).isEqualTo("wrong_token");
		assertThat(new ApiClient(port).bearer(second.get("token").stringValue()).get("/api/session").status())
			.isEqualTo(401);
		assertThat(owner.get("/api/account/tokens").json()).extracting(t -> t.get("name").stringValue())
			.containsExactly("utgången");
		assertThat(owner.delete("/api/account/tokens/" + first.get("id").longValue()).status()).isEqualTo(404);
	}

	@Test
	void aTokenNeedsANameAndAnExpiryWithinAYear() {
		BrowserClient owner = signedIn("tok-invalid");

		assertThat(owner.post("/api/account/tokens", "{\"expiresOn\": \"" + LocalDate.now().plusDays(5) + "\"}")
			.json().get("errors").get(0).get("field").stringValue()).isEqualTo("name");
		assertThat(owner.post("/api/account/tokens", token("för länge", 400)).status()).isEqualTo(422);
		assertThat(owner.post("/api/account/tokens", "{\"name\": \"x\", \"expiresOn\": \"imorgon\"}").status())
			.isEqualTo(422);
		assertThat(owner.get("/api/account/tokens").json()).isEmpty();
	}

	private BrowserClient signedIn(String username) {
		accounts.create(username, PASSWORD, List.of(Role.PLANNER));
		BrowserClient browser = BrowserClient.on(port);
		assertThat(browser.logIn(username, PASSWORD).header("Location")).doesNotContain("error");
		return browser;
	}

	static String token(String name, int days) {
		return """
				{"name": "%s", "expiresOn": "%s"}""".formatted(name, LocalDate.now().plusDays(days));
	}

}
