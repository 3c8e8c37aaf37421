package se.trygghetskartan.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import se.trygghetskartan.system.ForbiddenException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * GeoReport v2's endpoints, each as {@code .json} and {@code .xml}. A public API for other civic
 * apps: any origin may read it (Open311Cors), and a service request is sent as a form without a
 * session or CSRF token, as anyone sends a report on the map (SecurityConfig), but not by a browser
 * on another site's behalf (see {@link #send}). Parameters
 * are read from the request as the specification names them ({@code attribute[when][]}); every
 * failure is answered in the specification's error form (Open311Errors). Left out of the app's
 * OpenAPI document ({@code /api/openapi}), whose errors are problems: GeoReport v2 is its own
 * specification, and discovery ({@code /open311/discovery.json}) names it.
 */
@Hidden
@RestController
class Open311Controller {

	static final String ROOT = "/open311";

	private static final String V2 = ROOT + "/v2";

	private static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	// The endpoints by path and the methods each answers, for a 405 rather than a 404.
	private static final Map<Pattern, String> ENDPOINTS = Map.of(
			Pattern.compile("/open311/v2/requests\\.[^/]+"), "GET, POST",
			Pattern.compile("/open311/(v2/services(/[^/]+)?|v2/requests/[^/]+|discovery)\\.[^/]+"), "GET");

	private final GeoReport geoReport;

	private final JsonMapper json;

	Open311Controller(GeoReport geoReport, JsonMapper json) {
		this.geoReport = geoReport;
		this.json = json;
	}

	@GetMapping(V2 + "/services.{format}")
	ResponseEntity<String> services(@PathVariable String format, HttpServletRequest request) {
		return inJurisdiction(format, request, "services", geoReport::services, CacheControl.noCache());
	}

	@GetMapping(V2 + "/services/{code}.{format}")
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
			HttpServletRequest request) {
		return inJurisdiction(format, request, "service_definition", () -> geoReport.definition(code),
				CacheControl.noCache());
	}

	/**
	 * A service request, refused (403) when a browser says another site's page sends it
	 * ({@code Sec-Fetch-Site: cross-site}): without a key or a token, any site could otherwise make
	 * its visitors' browsers file reports from their addresses, one sender spread over many
	 * per-address limits. Civic apps send from their servers, without that header; a browser on
	 * this site sends {@code same-origin}, an address typed or bookmarked {@code none}.
	 */
	@PostMapping(V2 + "/requests.{format}")
	ResponseEntity<String> send(@PathVariable String format, HttpServletRequest request) {
		if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
			throw new ForbiddenException(Open311Error.CROSS_SITE_REQUEST);
		}
		return inJurisdiction(format, request, "service_requests",
				() -> geoReport.send(request.getParameterMap(), request.getRemoteAddr()), CacheControl.noStore());
	}

	@GetMapping(V2 + "/requests.{format}")
	ResponseEntity<String> requests(@PathVariable String format, HttpServletRequest request) {
		return inJurisdiction(format, request, "service_requests", () -> geoReport.requests(request.getParameterMap()),
				CacheControl.noCache());
	}

	@GetMapping(V2 + "/requests/{id}.{format}")
	ResponseEntity<String> request(@PathVariable String id, @PathVariable String format, HttpServletRequest request) {
		return inJurisdiction(format, request, "service_requests", () -> geoReport.request(id), CacheControl.noCache());
	}

	/** GeoReport discovery: where the endpoint is and which formats it speaks. */
	@GetMapping(ROOT + "/discovery.{format}")
	ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
		Open311Format answer = Open311Format.of(format);
		String url = ServletUriComponentsBuilder.fromContextPath(request).path(V2).toUriString();
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", SPECIFICATION);
		endpoint.put("url", url);
		endpoint.put("changeset", "2026-12-07T00:00:00+01:00");
		endpoint.put("type", "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("changeset", "2026-12-07T00:00:00+01:00");
		discovery.put("contact", null);
		discovery.put("key_service", null);
		discovery.put("endpoints", List.of(endpoint));
		return answer(answer, "discovery", discovery, CacheControl.noCache());
	}

	/** Anything else under /open311: 405 for a known endpoint's other methods, else 404, in Open311's form. */
	@RequestMapping({ ROOT, ROOT + "/**" })
	ResponseEntity<String> elsewhere(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (Map.Entry<Pattern, String> endpoint : ENDPOINTS.entrySet()) {
			if (endpoint.getKey().matcher(path).matches()) {
				throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of(endpoint.getValue().split(", ")));
			}
		}
		throw new NotFoundException(Reason.of(RequestError.PATH_NOT_FOUND, "path", path));
	}

	// An endpoint's answer in the format its extension names, about the municipality jurisdiction_id names.
	private ResponseEntity<String> inJurisdiction(String format, HttpServletRequest request, String root,
			Supplier<Object> document, CacheControl cache) {
		Open311Format answer = Open311Format.of(format);
		geoReport.jurisdiction(request.getParameter("jurisdiction_id"));
		return answer(answer, root, document.get(), cache);
	}

	private ResponseEntity<String> answer(Open311Format format, String root, Object document, CacheControl cache) {
		return ResponseEntity.ok().contentType(format.type()).cacheControl(cache).body(format.write(root, document, json));
	}

}
