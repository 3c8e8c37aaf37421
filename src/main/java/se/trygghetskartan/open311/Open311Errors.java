package se.trygghetskartan.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.report.ReportError;
import se.trygghetskartan.report.TooManyReportsException;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.ForbiddenException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of an Open311 endpoint in the specification's error form, with the HTTP status:
 * {@code [{"code":400,"description":"…"}]} or {@code <errors><error><code>400</code>
 * <description>…</description></error></errors>}, one error for each thing wrong, in the request's
 * language and in the format the path asks for. Bad form fields are 400 (the specification's status
 * for bad parameters), not the 422 of the JSON API.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

	private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

	private final Messages messages;

	private final JsonMapper json;

	Open311Errors(Messages messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@ExceptionHandler
	ResponseEntity<String> failed(Exception ex, HttpServletRequest request) {
		Locale language = Messages.current();
		HttpHeaders headers = new HttpHeaders();
		HttpStatus status;
		List<String> descriptions = new ArrayList<>();
		if (ex instanceof InvalidRequestException invalid) {
			status = HttpStatus.BAD_REQUEST;
			invalid.violations()
				.forEach(violation -> descriptions.add(violation.field() + ": " + messages.text(violation.reason(), language)));
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			status = HttpStatus.BAD_REQUEST;
			descriptions.add(missing.getParameterName() + ": " + messages.text(Reason.of(RequestError.REQUIRED), language));
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
			log.error("Unexpected error", ex);
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			descriptions.add(messages.text(Reason.of(RequestError.INTERNAL_ERROR), language));
		}
		List<Map<String, Object>> errors = descriptions.stream().map(description -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("code", status.value());
			error.put("description", description);
			return error;
		}).toList();
		Open311Format format = Open311Format.ofPath(request.getRequestURI());
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(format.type())
			.cacheControl(CacheControl.noStore())
			.body(format.write("errors", errors, json));
	}

}
