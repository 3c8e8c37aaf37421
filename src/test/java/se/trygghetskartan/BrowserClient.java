package se.trygghetskartan;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import se.trygghetskartan.ApiClient.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP as the app's own pages talk to it: a cookie jar, the login form, and JSON requests that
 * carry the session's CSRF token. Cookies belong to the host, not the port, so {@link #at} talks to
 * another instance with the same cookies, as a load balancer's browser would.
 */
public final class BrowserClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CookieManager cookies;

	private final HttpClient http;

	private final String base;

	private final String forwardedFor;

	private BrowserClient(CookieManager cookies, String base, String forwardedFor) {
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		this.base = base;
		this.forwardedFor = forwardedFor;
	}

	/** A new browser, with an empty cookie jar. */
	public static BrowserClient on(int port) {
		return new BrowserClient(new CookieManager(), "http://localhost:" + port, null);
	}

	/** A new browser that has only this cookie, e.g. a session cookie kept from before a logout. */
	public static BrowserClient withCookie(int port, String name, String value) {
		CookieManager cookies = new CookieManager();
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().add(URI.create("http://localhost:" + port), cookie);
		return new BrowserClient(cookies, "http://localhost:" + port, null);
	}

	/** The same browser (the same cookies) talking to another instance. */
	public BrowserClient at(int port) {
		return new BrowserClient(cookies, "http://localhost:" + port, forwardedFor);
	}

	/** The same browser behind a proxy that says it is at this address. */
	public BrowserClient from(String address) {
		return new BrowserClient(cookies, base, address);
	}

	/** A cookie's value, or null. */
	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Posts the login form with the token the login page would fetch; the answer (302, or 429). */
	public Response logIn(String username, String password) {
		String token = session().get("csrf").get("token").stringValue();
		return form("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token));
	}

	/** GET /api/session: who is logged in, and the CSRF token. */
	public JsonNode session() {
		return get("/api/session").json();
	}

	public Response logOut() {
		return form("/logout", "_csrf=" + encode(session().get("csrf").get("token").stringValue()));
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	/** A page navigation: asking for HTML. */
	public Response page(String path) {
		return send(request(path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
	}

	public Response post(String path, String json) {
		return send(change(path, "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response postPlace(String feature) {
		return postPlace(feature, session().get("csrf"));
	}

	/** A place posted with this CSRF token (as GET /api/session gave it, perhaps on another instance). */
	public Response postPlace(String feature, JsonNode csrf) {
		return send(change("/api/places", "application/geo+json", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(feature)));
	}

	public Response put(String path, String json) {
		return send(change(path, "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response delete(String path) {
		return send(change(path, null).DELETE());
	}

	public Response form(String path, String body) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	// As api.js sends changes: JSON, X-Requested-With, and the CSRF token from GET /api/session.
	private HttpRequest.Builder change(String path, String contentType) {
		return change(path, contentType, session().get("csrf"));
	}

	private HttpRequest.Builder change(String path, String contentType, JsonNode csrf) {
		HttpRequest.Builder request = request(path).header("X-Requested-With", "XMLHttpRequest");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (csrf != null && !csrf.isNull()) {
			request.header(csrf.get("headerName").stringValue(), csrf.get("token").stringValue());
		}
		return request;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Parses JSON text, for tests that build bodies. */
	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
