package se.trygghetskartan.system;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses the NUL character (U+0000) anywhere in a request's path, parameters or JSON text with
 * 400, before it reaches PostgreSQL, which cannot store it in text and would fail with an error
 * naming its internals. Nothing legitimate contains it; each refusal is logged as one line.
 */
final class NulCharacters {

	private static final Logger log = LoggerFactory.getLogger(NulCharacters.class);

	private NulCharacters() {
	}

	static InvalidRequestException refuse(HttpServletRequest request, String field) {
		// The field may hold what the client sent; control characters must not break the log line.
		log.info("Refused {} {}: a NUL character in '{}'", request.getMethod(), request.getRequestURI(),
				field.replaceAll("\\p{Cntrl}", "?"));
		return InvalidRequestException.parameter(field, RequestError.NUL_CHARACTER);
	}

	/** Where the path or a parameter (name or value; form bodies included) holds a NUL, or null. */
	static String inRequest(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.toLowerCase().contains("%00") || path.indexOf('\0') >= 0) {
			return "path";
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (name.indexOf('\0') >= 0) {
				return name.replace("\0", "\\u0000");
			}
			for (String value : parameter.getValue()) {
				if (value.indexOf('\0') >= 0) {
					return name;
				}
			}
		}
		return null;
	}

	/** Where a JSON document holds a NUL in a string or a property name, named as FeatureBody names fields, or null. */
	static String inJson(JsonNode node, String path) {
		if (node.isString()) {
			return node.stringValue().indexOf('\0') >= 0 ? path : null;
		}
		for (int i = 0; node.isArray() && i < node.size(); i++) {
			String found = inJson(node.get(i), path + "[" + i + "]");
			if (found != null) {
				return found;
			}
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String name = (path.isEmpty() ? "" : path + ".") + property.getKey();
				String found = property.getKey().indexOf('\0') >= 0 ? name.replace("\0", "\\u0000")
						: inJson(property.getValue(), name);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** The path and parameters, before anything else looks at them. */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	static class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String field = inRequest(request);
			if (field != null) {
				ProblemResponses.write(request, response, ProblemResponses.problem(refuse(request, field)));
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** JSON bodies, once Jackson has read them (every JSON body is read as a JsonNode). */
	@ControllerAdvice
	static class JsonBodies extends RequestBodyAdviceAdapter {

		private final HttpServletRequest request;

		JsonBodies(HttpServletRequest request) {
			this.request = request;
		}

		@Override
		public boolean supports(MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) {
			return targetType instanceof Class<?> type && JsonNode.class.isAssignableFrom(type);
		}

		@Override
		public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) {
			String field = inJson((JsonNode) body, "");
			if (field != null) {
				throw refuse(request, field);
			}
			return body;
		}

	}

}
