package se.trygghetskartan.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems (RFC 9457) with a stable {@code code} and the {@code args} its words name. They are made
 * without words; title and detail are written in the request's language when the problem is
 * answered, by Spring MVC ({@code AnswerLanguage}) or, outside it, by {@link #write}.
 */
public final class ProblemResponses {

	private static final JsonMapper FALLBACK_JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/** A problem of the whole request. */
	public static ProblemDetail problem(HttpStatus status, ErrorCode code, Object... namesAndValues) {
		return problem(status, Reason.of(code, namesAndValues));
	}

	/** A problem of the whole request, for a reason made elsewhere. */
	public static ProblemDetail problem(HttpStatus status, Reason reason) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setProperty("code", reason.code());
		if (!reason.args().isEmpty()) {
			problem.setProperty("args", reason.args());
		}
		return problem;
	}

	/** The problem for a request that is wrong, with one error per violation. */
	public static ProblemDetail problem(InvalidRequestException ex) {
		ProblemDetail problem = problem(ex.status(),
				ex.status() == HttpStatus.BAD_REQUEST ? RequestError.INVALID_PARAMETER : RequestError.INVALID_CONTENT);
		problem.setProperty("errors", ex.violations());
		return problem;
	}

	/**
	 * The 413 or 408 problem when a body limit of RequestBodyLimitFilter is the cause, however deep a
	 * reader wrapped it; else null.
	 */
	public static ProblemDetail bodyLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException tooLarge) {
				return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.reason());
			}
			if (cause instanceof RequestBodyTooSlowException tooSlow) {
				return problem(HttpStatus.REQUEST_TIMEOUT, tooSlow.reason());
			}
		}
		return null;
	}

	/**
	 * Writes title and detail in the language: the title by the status, the detail the code's words,
	 * or for a request with errors the first error's. A problem that has them already stays as it is.
	 */
	static void localize(ProblemDetail problem, Messages messages, Locale locale) {
		Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
		if (!(properties.get("code") instanceof String code) || problem.getDetail() != null) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		problem.setTitle(messages.textOr("status." + problem.getStatus(), locale,
				status == null ? "Error " + problem.getStatus() : status.getReasonPhrase()));
		if (properties.get("errors") instanceof List<?> errors && !errors.isEmpty()
				&& errors.get(0) instanceof Violation first) {
			problem.setDetail(messages.text(first.reason(), locale));
		}
		else {
			@SuppressWarnings("unchecked")
			Map<String, Object> args = properties.get("args") instanceof Map<?, ?> map ? (Map<String, Object>) map
					: Map.of();
			problem.setDetail(messages.text(new Reason(code, args, false), locale));
		}
	}

	/** Writes the problem outside Spring MVC (servlet filters, security entry points), in the request's language. */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		write(request.getServletContext(), request, response, problem);
	}

	/** The same, with the servlet context of the app: Tomcat's valves see requests that reached no app. */
	static void write(ServletContext context, HttpServletRequest request, HttpServletResponse response,
			ProblemDetail problem) throws IOException {
		WebApplicationContext app = context == null ? null : WebApplicationContextUtils.getWebApplicationContext(context);
		Messages messages = app == null ? null : app.getBean(Messages.class);
		// Only while the app starts or stops is there none: the problem goes out with its code alone.
		Locale locale = messages == null ? Messages.SWEDISH : messages.locale(request);
		JsonMapper json = app == null ? FALLBACK_JSON : app.getBean(JsonMapper.class);
		if (messages != null) {
			localize(problem, messages, locale);
		}
		ProblemFormat other = app == null ? null
				: app.getBeanProvider(ProblemFormat.class).orderedStream().filter(f -> f.answers(request)).findFirst()
					.orElse(null);
		if (other != null) {
			other.write(request, response, problem, locale);
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		// Written, not closed: closing the response would close the request's input too, and
		// RequestBodyLimitFilter may still have to read the rest of the body.
		response.getOutputStream().write(json.writer().withAttribute(Locale.class, locale).writeValueAsBytes(body));
	}

}
