package se.trygghetskartan.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestOidc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real OpenID Connect redirect flow, over HTTP, against the tests' own provider (TestOidc): the
 * app redirects to the provider, the provider back with a code, the app redeems it and reads the
 * ID token's claims.
 */
@IntegrationTest
class SingleSignOnIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignOnGivesTheRoleItsGroupsClaimMapsTo() throws Exception {
		HttpClient browser = browser();
		TestOidc.nextSignOn("sso.anna", "Anna Andersson", List.of("Alla", "Trygghet-Planerare"));

		HttpResponse<String> landed = signOn(browser);
		JsonNode session = session(browser);

		assertThat(landed.uri().getPath()).isEqualTo("/planering");
		assertThat(session.get("username").stringValue()).isEqualTo("sso.anna");
		assertThat(session.get("displayName").stringValue()).isEqualTo("Anna Andersson");
		assertThat(session.get("roles")).extracting(JsonNode::stringValue).containsExactly("planner");
		assertThat(jdbc.sql("SELECT password_hash IS NULL FROM app_user WHERE username = 'sso.anna'")
			.query(Boolean.class)
			.single()).as("single sign-on users have no password here").isTrue();
	}

	@Test
	void aGroupMappedToAScopedGrantMakesAPlannerOfThatMunicipalityOnly() throws Exception {
		HttpClient browser = browser();
		TestOidc.nextSignOn("sso.flen", "Frida i Flen", List.of("Alla", "Flen-Planerare"));

		signOn(browser);
		JsonNode session = session(browser);

		assertThat(session.get("roles")).extracting(JsonNode::stringValue).containsExactly("planner");
		assertThat(session.get("grants")).extracting(JsonNode::stringValue).containsExactly("planner@municipality:flen");
		assertThat(jdbc.sql("SELECT role || '@' || scope FROM role_grant WHERE username = 'sso.flen'")
			.query(String.class)
			.list()).containsExactly("planner@municipality:flen");
		JsonNode csrf = session.get("csrf");
		HttpResponse<String> inKatrineholm = browser.send(HttpRequest.newBuilder(uri("/api/places"))
			.header("Content-Type", "application/geo+json")
			.header(csrf.get("headerName").stringValue(), csrf.get("token").stringValue())
			.POST(HttpRequest.BodyPublishers.ofString(SecurityIT.PLACE))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(inKatrineholm.statusCode()).as(inKatrineholm.body()).isEqualTo(403);
	}

	@Test
	void staffWhoSignOnMakeTokensForTheirScripts() throws Exception {
		HttpClient browser = browser();
		TestOidc.nextSignOn("sso.gis", "GIS-Gunnar", List.of("GIS"));
		signOn(browser);
		JsonNode csrf = session(browser).get("csrf");

		HttpResponse<String> created = browser.send(HttpRequest.newBuilder(uri("/api/account/tokens"))
			.header("Content-Type", "application/json")
			.header(csrf.get("headerName").stringValue(), csrf.get("token").stringValue())
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"QGIS\", \"expiresOn\": \""
					+ java.time.LocalDate.now().plusDays(30) + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		String token = JsonMapper.builder().build().readTree(created.body()).get("token").stringValue();

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(new ApiClient(port).as("sso.gis", token).post("/api/places", SecurityIT.PLACE).status())
			.isEqualTo(201);
	}

	@Test
	void everySignOnReplacesTheGrantsFromTheClaim() throws Exception {
		TestOidc.nextSignOn("sso.bo", "Bo", List.of("Trygghet-Admin"));
		signOn(browser());
		HttpClient later = browser();
		TestOidc.nextSignOn("sso.bo", "Bo Berg", List.of("Lokalpolis"));

		signOn(later);

		JsonNode session = session(later);
		assertThat(session.get("roles")).extracting(JsonNode::stringValue).containsExactly("police");
		assertThat(jdbc.sql("SELECT role FROM role_grant WHERE username = 'sso.bo'").query(String.class).list())
			.containsExactly("police");
		assertThat(session.get("displayName").stringValue()).isEqualTo("Bo Berg");
	}

	@Test
	void aSignOnWhoseGroupsMapToNoRoleIsRefusedWithAReason() throws Exception {
		HttpClient browser = browser();
		TestOidc.nextSignOn("sso.outsider", "Utomstående", List.of("Ekonomi"));

		HttpResponse<String> landed = signOn(browser);

		assertThat(landed.uri().toString()).endsWith("/login?sso=no_role");
		assertThat(session(browser).get("authenticated").booleanValue()).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'sso.outsider'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aSignOnCannotTakeOverALocalAccount() throws Exception {
		HttpClient browser = browser();
		TestOidc.nextSignOn("planner", "Inte planeraren", List.of("Trygghet-Admin"));

		HttpResponse<String> landed = signOn(browser);

		assertThat(landed.uri().toString()).endsWith("/login?sso=local_account");
		assertThat(session(browser).get("authenticated").booleanValue()).isFalse();
		assertThat(jdbc.sql("SELECT role FROM role_grant WHERE username = 'planner'").query(String.class).list())
			.containsExactly("planner");
	}

	@Test
	void theLoginPageLearnsWhichIdentityProviderToOffer() throws Exception {
		JsonNode sso = session(browser()).get("sso");

		assertThat(sso).hasSize(1);
		assertThat(sso.get(0).get("name").stringValue()).isEqualTo(TestOidc.NAME);
		assertThat(sso.get(0).get("url").stringValue()).isEqualTo("/oauth2/authorization/" + TestOidc.REGISTRATION);
	}

	// Follows every redirect, between the app and the provider, with cookies, as a browser would.
	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.build();
	}

	private HttpResponse<String> signOn(HttpClient browser) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri("/oauth2/authorization/" + TestOidc.REGISTRATION))
			.header("Accept", SecurityIT.PAGE)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode session(HttpClient browser) throws Exception {
		String body = browser.send(HttpRequest.newBuilder(uri("/api/session")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		return JsonMapper.builder().build().readTree(body);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
