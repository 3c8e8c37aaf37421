package se.trygghetskartan.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.account.AccountService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityIT extends ApiTest {

	static final String PLACE = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2065,58.9960]},
			 "properties":{"name":"Säkerhetstest","reasons":["other"],"source":"other"}}""";

	static final String PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	/** Spring Session's cookie: sessions are rows in PostgreSQL that every instance reads. */
	static final String SESSION_COOKIE = "SESSION";

	@Autowired
	AccountService accounts;

	@Test
	void aPathTheFirewallRefusesIsABadRequestProblem() {
		for (String path : new String[] { "/api//places", "/ogc/collections/places/items&crs=http://x/y" }) {
			Response refused = anonymous.get(path);
			assertThat(refused.status()).as(path).isEqualTo(400);
			assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
			assertThat(refused.json().get("code").stringValue()).isEqualTo("malformed_request");
		}
	}

	@Test
	void anonymousWriteIs401AndStoresNothing() {
		long before = places();

		Response response = anonymous.post("/api/places", PLACE);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(response.header("Set-Cookie")).as("no session for API calls").isNull();
		assertThat(anonymous.delete("/api/places/1", null).status()).isEqualTo(401);
		assertThat(places()).isEqualTo(before);
	}

	@Test
	void wrongPasswordIs401() {
		Response response = anonymous.as("planner", "not-the-password").post("/api/places", PLACE);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("code").stringValue()).isEqualTo("wrong_credentials");
		assertThat(response.json().get("detail").stringValue()).isEqualTo("Användarnamnet eller lösenordet är fel.");
	}

	@Test
	void accountWithoutThePlannerRoleGets403() {
		if (!accounts.exists("reader")) {
			accounts.create("reader", "reader-password", List.of());
		}
		long before = places();

		Response response = anonymous.as("reader", "reader-password").post("/api/places", PLACE);

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(places()).isEqualTo(before);
	}

	@Test
	void adminMayDoWhatAPlannerMay() {
		assertThat(anonymous.as("admin", "admin").post("/api/places", PLACE).status()).isEqualTo(201);
	}

	@Test
	void browserSessionNeedsTheCsrfTokenForChanges() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		JsonNode session = json(send(browser, get("/api/session")));
		assertThat(session.get("authenticated").booleanValue()).isFalse();

		HttpResponse<String> login = send(browser,
				form("/login", "username=planner&password=planner&_csrf=" + encode(session.get("csrf").get("token"))));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		JsonNode loggedIn = json(send(browser, get("/api/session")));
		assertThat(loggedIn.get("username").stringValue()).isEqualTo("planner");
		assertThat(loggedIn.get("roles")).extracting(JsonNode::stringValue).containsExactly("planner");

		HttpResponse<String> refused = send(browser, newPlace());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("CSRF");

		JsonNode csrf = loggedIn.get("csrf");
		HttpResponse<String> accepted = send(browser,
				newPlace().header(csrf.get("headerName").stringValue(), csrf.get("token").stringValue()));
		assertThat(accepted.statusCode()).isEqualTo(201);
		assertThat(json(accepted).get("properties").get("createdBy").stringValue()).isEqualTo("planner");
	}

	@Test
	void anonymousVisitorsNeverGetAServerSession() throws Exception {
		for (String path : List.of("/api/session", "/login", "/planering", "/", "/api/places?limit=1")) {
			CookieManager cookies = new CookieManager();
			send(HttpClient.newBuilder().cookieHandler(cookies).build(), page(path));

			assertThat(sessionCookies(cookies)).as(path).isEmpty();
		}
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		JsonNode token = json(send(browser, get("/api/session"))).get("csrf").get("token");
		HttpResponse<String> failed = send(browser,
				form("/login", "username=planner&password=wrong&_csrf=" + encode(token)));
		HttpResponse<String> refused = send(browser, newPlace());

		assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("/login?error");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(sessionCookies(cookies)).as("after a failed login and a refused change").isEmpty();
	}

	@Test
	void loginStartsAFreshSessionAndReturnsToThePageThatAskedForIt() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		assertThat(send(browser, page("/planering?vy=lista")).statusCode()).isEqualTo(302);

		HttpResponse<String> login = logIn(browser, "planner", "planner");
		assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/planering?vy=lista");
		String first = sessionCookie(login);
		HttpResponse<String> again = logIn(browser, "admin", "admin");

		assertThat(first).isNotNull();
		assertThat(sessionCookie(again)).as("a new session id on every login").isNotNull().isNotEqualTo(first);
		assertThat(login.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith(SESSION_COOKIE + "="))
			.singleElement()
			.satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
		assertThat(json(send(browser, get("/api/session"))).get("username").stringValue()).isEqualTo("admin");
	}

	@Test
	void logoutEndsTheSession() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		logIn(browser, "planner", "planner");
		JsonNode csrf = json(send(browser, get("/api/session"))).get("csrf");

		HttpResponse<String> logout = send(browser,
				form("/logout", csrf.get("parameterName").stringValue() + "=" + encode(csrf.get("token"))));

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(json(send(browser, get("/api/session"))).get("authenticated").booleanValue()).isFalse();
	}

	@Test
	void scriptsWithBasicNeedNoTokenAndGetNoSession() {
		Response created = anonymous.as("planner", "planner").post("/api/places", PLACE);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Set-Cookie")).isNull();
	}

	@Test
	void scriptsAskingWhoTheyAreGetNoToken() {
		JsonNode session = anonymous.as("planner", "planner").get("/api/session").json();

		assertThat(session.get("username").stringValue()).isEqualTo("planner");
		assertThat(session.get("csrf").isNull()).isTrue();
	}

	@Test
	void aSessionCookieNeverAuthenticatesABasicRequest() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		logIn(browser, "planner", "planner");
		long before = places();

		HttpResponse<String> refused = send(browser,
				newPlace().header("Authorization", basic("planner", "not-the-password")));

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(places()).isEqualTo(before);
	}

	@Test
	void anotherAuthorizationSchemeDoesNotExcuseASessionFromTheCsrfToken() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		logIn(browser, "planner", "planner");
		long before = places();

		HttpResponse<String> refused = send(browser, newPlace().header("Authorization", "Negotiate made-up"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("CSRF");
		assertThat(places()).isEqualTo(before);
	}

	@Test
	void aSessionCookieNeverAuthenticatesABearerRequest() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		logIn(browser, "planner", "planner");
		long before = places();

		HttpResponse<String> refused = send(browser, newPlace().header("Authorization", "Bearer made-up"));

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("\"code\":\"wrong_token\"");
		assertThat(places()).isEqualTo(before);
	}

	@Test
	void basicCredentialsABrowserAttachesToAnotherSitesRequestAreNotTrusted() {
		ApiClient planner = anonymous.as("planner", "planner");
		long before = places();

		Response refused = planner.send(planner.request("/api/places")
			.header("Content-Type", "application/geo+json")
			.header("Sec-Fetch-Site", "cross-site")
			.POST(HttpRequest.BodyPublishers.ofString(PLACE)));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(places()).isEqualTo(before);
	}

	@Test
	void failedFormLoginSendsBackToTheLoginPage() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		JsonNode session = json(send(browser, get("/api/session")));

		HttpResponse<String> login = send(browser,
				form("/login", "username=planner&password=nope&_csrf=" + encode(session.get("csrf").get("token"))));

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/login?error");
	}

	@Test
	void pagesAndApiCarryStrictSecurityHeaders() {
		for (String path : List.of("/", "/api/neighbourhoods", "/login")) {
			Response response = anonymous.get(path);
			String csp = response.header("Content-Security-Policy");
			assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'");
			assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		}
	}

	@Test
	void passwordsAreStoredHashed() {
		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'planner'")
			.query(String.class)
			.single();

		assertThat(hash).startsWith("{bcrypt}").doesNotContain("planner");
	}

	@Test
	void openApiDocumentDescribesTheApi() {
		Response docs = anonymous.get("/api/openapi");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/places/{id}")).isTrue();
		assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
		assertThat(anonymous.get("/api/openapi/swagger-config").body()).contains("/api/openapi");
	}

	private HttpResponse<String> logIn(HttpClient browser, String username, String password) throws Exception {
		JsonNode token = json(send(browser, get("/api/session"))).get("csrf").get("token");
		HttpResponse<String> login = send(browser,
				form("/login", "username=" + username + "&password=" + password + "&_csrf=" + encode(token)));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return login;
	}

	private static List<HttpCookie> sessionCookies(CookieManager cookies) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SESSION_COOKIE) || c.getName().equals("JSESSIONID"))
			.toList();
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith(SESSION_COOKIE + "="))
			.map(cookie -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private long places() {
		return jdbc.sql("SELECT count(*) FROM unsafe_place").query(Long.class).single();
	}

	// A browser's POST of PLACE; add headers to taste.
	private HttpRequest.Builder newPlace() {
		return request("/api/places").header("Content-Type", "application/geo+json")
			.POST(HttpRequest.BodyPublishers.ofString(PLACE));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpRequest.Builder get(String path) {
		return request(path).GET();
	}

	// Page navigations and form posts as a browser makes them: asking for HTML.
	private HttpRequest.Builder page(String path) {
		return request(path).header("Accept", PAGE).GET();
	}

	private HttpRequest.Builder form(String path, String body) {
		return request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", PAGE)
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static String encode(JsonNode value) {
		return URLEncoder.encode(value.stringValue(), StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
			throws IOException, InterruptedException {
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

}
