package se.trygghetskartan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running app, as curl or QGIS would talk to it. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final String credentials;

	private final String forwardedFor;

	private final String language;

	public ApiClient(int port) {
		this("http://localhost:" + port, null, null, null);
	}

	private ApiClient(String base, String credentials, String forwardedFor, String language) {
		this.base = base;
		this.credentials = credentials;
		this.forwardedFor = forwardedFor;
		this.language = language;
	}

	/** The same client, authenticating every request with HTTP Basic. */
	public ApiClient as(String username, String password) {
		return new ApiClient(base, "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)),
				forwardedFor, language);
	}

	/** The same client, asking for answers in this language ({@code Accept-Language}); null: not asking. */
	public ApiClient language(String acceptLanguage) {
		return new ApiClient(base, credentials, forwardedFor, acceptLanguage);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, String body) {
		return post(path, body, "application/geo+json");
	}

	public Response post(String path, String body, String contentType) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts bytes as they are, e.g. a file in another charset than UTF-8. */
	public Response post(String path, byte[] body, String contentType) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	public Response put(String path, String body, String ifMatch) {
		return put(path, body, ifMatch, "application/geo+json");
	}

	public Response put(String path, String body, String ifMatch, String contentType) {
		HttpRequest.Builder request = request(path).header("Content-Type", contentType)
			.PUT(HttpRequest.BodyPublishers.ofString(body));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return send(request);
	}

	/** A plain JSON body (not GeoJSON), as the account APIs take. */
	public Response putJson(String path, String body) {
		return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The same client, sending a personal access token as {@code Authorization: Bearer}. */
	public ApiClient bearer(String token) {
		return new ApiClient(base, "Bearer " + token, forwardedFor, language);
	}

	/** The same client behind a proxy that says the request came from this address. */
	public ApiClient from(String address) {
		return new ApiClient(base, credentials, address, language);
	}

	public Response delete(String path, String ifMatch) {
		HttpRequest.Builder request = request(path).DELETE();
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return send(request);
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (credentials != null) {
			request.header("Authorization", credentials);
		}
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return request;
	}

	/** A response with its body parsed when it is JSON. */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return raw.statusCode();
		}

		public String body() {
			return raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(raw.body());
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

		@Override
		public String toString() {
			return status() + " " + body();
		}

	}

}
