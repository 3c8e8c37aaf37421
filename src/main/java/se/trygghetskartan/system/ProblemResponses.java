package se.trygghetskartan.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem+json answers outside Spring MVC (servlet filters, security entry points). */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	public static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** The problem for a request that is wrong, with one error per violation. */
	public static ProblemDetail problem(InvalidRequestException ex) {
		ProblemDetail problem = problem(ex.status(),
				ex.status() == HttpStatus.BAD_REQUEST ? "Invalid parameter" : "Invalid content", ex.getMessage());
		List<Map<String, Object>> errors = new ArrayList<>();
		for (Violation violation : ex.violations()) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("field", violation.field());
			error.put("reason", violation.reason());
			if (violation.position() != null) {
				error.put("position", violation.position());
			}
			errors.add(error);
		}
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * The 413 or 408 problem when a body limit of RequestBodyLimitFilter is the cause, however deep a
	 * reader wrapped it; else null.
	 */
	static ProblemDetail bodyLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException) {
				return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", cause.getMessage());
			}
			if (cause instanceof RequestBodyTooSlowException) {
				return problem(HttpStatus.REQUEST_TIMEOUT, "Request body too slow", cause.getMessage());
			}
		}
		return null;
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
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
		// Written, not closed: closing the response would close the request's input too, and
		// RequestBodyLimitFilter may still have to read the rest of the body.
		response.getOutputStream().write(JSON.writeValueAsBytes(body));
	}

}
