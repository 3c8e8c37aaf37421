package se.trygghetskartan.ogcapi;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * JSON or HTML: {@code f=json|html} when given, else what the Accept header prefers (a browser's
 * {@code text/html} over its {@code *}{@code /*}); JSON when it prefers neither.
 */
record OgcFormat(boolean json) {

	private static final List<MediaType> JSON_TYPES = List.of(MediaType.APPLICATION_JSON,
			MediaType.parseMediaType("application/geo+json"), MediaType.parseMediaType("application/vnd.oai.openapi+json"),
			MediaType.parseMediaType("application/schema+json"));

	/** The format a request asks for, after refusing (400) any parameter not among those allowed. */
	static OgcFormat of(HttpServletRequest request, Set<String> allowed) {
		OgcParameters.allowOnly(request.getParameterMap(), allowed);
		String f = request.getParameter("f");
		if (f != null) {
			return switch (f) {
				case "json" -> new OgcFormat(true);
				case "html" -> new OgcFormat(false);
				default -> throw InvalidRequestException.parameter("f", RequestError.NOT_ONE_OF, "value", f, "allowed",
						List.of("json", "html"));
			};
		}
		return new OgcFormat(!prefersHtml(request.getHeader(HttpHeaders.ACCEPT)));
	}

	private static boolean prefersHtml(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		double html = 0;
		double json = 0;
		for (MediaType type : types) {
			double quality = type.getQualityValue();
			if (type.isWildcardType()) {
				json = Math.max(json, quality * 0.99);
			}
			else if (type.includes(MediaType.TEXT_HTML)) {
				html = Math.max(html, quality);
			}
			else if (JSON_TYPES.stream().anyMatch(type::isCompatibleWith)) {
				json = Math.max(json, quality);
			}
		}
		return html > json;
	}

}
