package se.trygghetskartan.open311;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.report.ReportError;
import se.trygghetskartan.report.TooManyReportsException;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.DatabaseFailures;
import se.trygghetskartan.system.ForbiddenException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.ProblemFormat;
import se.trygghetskartan.system.ProblemResponses;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of an Open311 endpoint in the specification's error form, with the HTTP status:
 * in JSON an array of objects with {@code code} (400) and {@code description}, in XML {@code <errors>}
 * of {@code <error>} elements with the same two, one error for each thing wrong, in the request's
 * language and in the format the path asks for. Bad form fields are 400 (the specification's status
 * for bad parameters), not the 422 of the JSON API. The problems answered before Spring MVC (a body
 * over its limit, a path the firewall refuses) come here too, as the ProblemFormat of /open311.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors implements ProblemFormat {

	private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

	private final Messages messages;

	private final JsonMapper json;

	private final DatabaseFailures databaseFailures;

	Open311Errors(Messages messages, JsonMapper json, DatabaseFailures databaseFailures) {
		this.messages = messages;
		this.json = json;
		this.databaseFailures = databaseFailures;
	}

	@ExceptionHandler
	ResponseEntity<String> failed(Exception ex, HttpServletRequest request) {
		Locale language = Messages.current();
		HttpHeaders headers = new HttpHeaders();
		HttpStatus status;
		List<String> descriptions = new ArrayList<>();
		if (ex instanceof InvalidRequestException invalid) {
			status = HttpStatus.BAD_REQUEST;
			descriptions.addAll(described(invalid.violations(), language));
		}
		else if (ex instanceof TooManyReportsException tooMany) {
			status = HttpStatus.TOO_MANY_REQUESTS;
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds()));
			descriptions.add(messages.text(
					Reason.of(ReportError.TOO_MANY_REPORTS, "minutes", (tooMany.retryAfterSeconds() + 59) / 60), language));
		}
		else if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
			status = HttpStatus.METHOD_NOT_ALLOWED;
			List<String> allowed = unsupported.getSupportedMethods() == null ? List.of()
					: List.of(unsupported.getSupportedMethods());
			headers.set(HttpHeaders.ALLOW, String.join(", ", allowed));
			descriptions.add(messages.text(
					Reason.of(RequestError.METHOD_NOT_ALLOWED, "method", unsupported.getMethod(), "allowed", allowed),
					language));
		}
		else if (ex instanceof NotFoundException notFound) {
			status = HttpStatus.NOT_FOUND;
			descriptions.add(messages.text(notFound.reason(), language));
		}
		else if (ex instanceof ForbiddenException forbidden) {
			status = HttpStatus.FORBIDDEN;
			descriptions.add(messages.text(forbidden.reason(), language));
		}
		else if (ex instanceof ConflictException conflict) {
			status = HttpStatus.CONFLICT;
			descriptions.add(messages.text(conflict.reason(), language));
		}
		else {
			// A body over its limit (413, 408), the database down or too slow (503, Retry-After): as the
			// JSON API answers them. Anything else is a bug.
			ResponseEntity<Object> database = databaseFailures.answer(request, ex);
			ProblemDetail problem = database != null ? (ProblemDetail) database.getBody() : ProblemResponses.bodyLimit(ex);
			if (problem == null) {
				log.error("Unexpected error", ex);
				problem = ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, RequestError.INTERNAL_ERROR);
			}
			if (database != null) {
				headers.addAll(database.getHeaders());
			}
			status = HttpStatus.valueOf(problem.getStatus());
			Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
			@SuppressWarnings("unchecked")
			Map<String, Object> args = properties.get("args") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
			descriptions.add(messages.text(new Reason((String) properties.get("code"), args, false), language));
		}
		Open311Format format = Open311Format.ofPath(request.getRequestURI());
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(format.type())
			.cacheControl(CacheControl.noStore())
			.body(document(format, status.value(), descriptions));
	}

	/** Problems answered outside Spring MVC (a body over its limit, a refused path) under /open311. */
	@Override
	public boolean answers(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(Open311Controller.ROOT) || path.startsWith(Open311Controller.ROOT + "/");
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, Locale locale)
			throws IOException {
		Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
		List<String> descriptions = properties.get("errors") instanceof List<?> errors && !errors.isEmpty()
				? described(errors.stream().map(Violation.class::cast).toList(), locale) : List.of(problem.getDetail());
		Open311Format format = Open311Format.ofPath(request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(format.type().toString());
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		response.getOutputStream().write(document(format, problem.getStatus(), descriptions).getBytes(StandardCharsets.UTF_8));
	}

	// Each thing wrong with a request said of its parameter.
	private List<String> described(List<Violation> violations, Locale language) {
		return violations.stream().map(violation -> violation.field() + ": " + messages.text(violation.reason(), language))
			.toList();
	}

	private String document(Open311Format format, int status, List<String> descriptions) {
		List<Map<String, Object>> errors = descriptions.stream().map(description -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("code", status);
			error.put("description", description);
			return error;
		}).toList();
		return format.write("errors", errors, json);
	}

}
