package se.trygghetskartan.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an RFC 9457 problem that says what is wrong, with a code; its words are
 * written in the request's language as it is answered ({@link AnswerLanguage}).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private final DatabaseFailures databaseFailures;

	ProblemHandler(DatabaseFailures databaseFailures) {
		this.databaseFailures = databaseFailures;
	}

	@ExceptionHandler
	ResponseEntity<Object> invalid(InvalidRequestException ex) {
		return ResponseEntity.status(ex.status()).body(ProblemResponses.problem(ex));
	}

	@ExceptionHandler
	ResponseEntity<Object> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemResponses.problem(HttpStatus.NOT_FOUND, ex.reason()));
	}

	@ExceptionHandler
	ResponseEntity<Object> forbidden(ForbiddenException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemResponses.problem(HttpStatus.FORBIDDEN, ex.reason()));
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(ConflictException ex) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, ex.reason());
		ex.properties().forEach(problem::setProperty);
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> versionConflict(VersionConflictException ex) {
		if (ex.isMissing()) {
			return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
				.body(ProblemResponses.problem(HttpStatus.PRECONDITION_REQUIRED, ex.reason()));
		}
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.PRECONDITION_FAILED, ex.reason());
		problem.setProperty("currentVersion", ex.currentVersion());
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
			.header(HttpHeaders.ETAG, ETags.of(ex.currentVersion()))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex) {
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
			.body(ProblemResponses.problem(HttpStatus.PRECONDITION_FAILED, RequestError.SAVED_CONCURRENTLY));
	}

	@ExceptionHandler
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		// Validation should have caught it; the database's constraints are the last line. One line in
		// the log, and of PostgreSQL's message only its first line: its "Detail" repeats stored values.
		String rule = firstLine(rootMessage(ex));
		log.warn("Constraint violation not caught by validation: {}", rule);
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemResponses.problem(HttpStatus.CONFLICT, RequestError.STORED_DATA_CONFLICT, "rule", rule));
	}

	@ExceptionHandler
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return invalid(InvalidRequestException.parameter(ex.getName(), RequestError.NOT_A_VALUE, "value",
				String.valueOf(ex.getValue()), "type", simpleName(ex.getRequiredType())));
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		ProblemDetail bodyLimit = ProblemResponses.bodyLimit(ex);
		if (bodyLimit != null) {
			return ResponseEntity.status(bodyLimit.getStatus()).body(bodyLimit);
		}
		ResponseEntity<Object> databaseFailure = databaseFailures.answer(request, ex);
		if (databaseFailure != null) {
			return databaseFailure;
		}
		log.error("Unexpected error", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, RequestError.INTERNAL_ERROR));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail bodyLimit = ProblemResponses.bodyLimit(ex);
		if (bodyLimit != null) {
			return ResponseEntity.status(bodyLimit.getStatus()).body(bodyLimit);
		}
		return ResponseEntity.badRequest()
			.body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, RequestError.UNREADABLE_JSON, "detail",
					firstLine(rootMessage(ex))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getContentType() == null) {
			// A Content-Type that does not parse, most often with a charset Java does not know: say which.
			return invalid(InvalidRequestException.parameter(HttpHeaders.CONTENT_TYPE,
					RequestError.UNREADABLE_CONTENT_TYPE, "detail", firstLine(ex.getMessage())));
		}
		return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
	}

	/** Spring MVC's own problems (405, 415, a missing parameter…) get a code like ours. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's own handlers pass no body (it would make one from the exception) or one without a code.
		if (body == null || body instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			body = problem(ex, statusCode);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static ProblemDetail problem(Exception ex, HttpStatusCode statusCode) {
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		status = status == null ? HttpStatus.BAD_REQUEST : status;
		if (ex instanceof MissingServletRequestParameterException missing) {
			return ProblemResponses
				.problem(InvalidRequestException.parameter(missing.getParameterName(), RequestError.REQUIRED));
		}
		if (ex instanceof MissingRequestHeaderException missing) {
			return ProblemResponses.problem(InvalidRequestException.parameter(missing.getHeaderName(), RequestError.REQUIRED));
		}
		if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
			String[] allowed = unsupported.getSupportedMethods();
			return ProblemResponses.problem(status, RequestError.METHOD_NOT_ALLOWED, "method", unsupported.getMethod(),
					"allowed", allowed == null ? List.of() : List.of(allowed));
		}
		if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
			return ProblemResponses.problem(status, RequestError.UNSUPPORTED_MEDIA_TYPE, "type",
					String.valueOf(unsupported.getContentType()), "supported", types(unsupported.getSupportedMediaTypes()));
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException unacceptable) {
			return ProblemResponses.problem(status, RequestError.NOT_ACCEPTABLE, "acceptable",
					types(unacceptable.getSupportedMediaTypes()));
		}
		if (ex instanceof NoResourceFoundException || status == HttpStatus.NOT_FOUND) {
			return ProblemResponses.problem(HttpStatus.NOT_FOUND, RequestError.PATH_NOT_FOUND, "path",
					ex instanceof NoResourceFoundException missing ? "/" + missing.getResourcePath() : "");
		}
		return ProblemResponses.problem(status,
				status.is5xxServerError() ? RequestError.INTERNAL_ERROR : RequestError.BAD_REQUEST);
	}

	private static List<String> types(List<MediaType> types) {
		return types.stream().map(MediaType::toString).toList();
	}

	private static String simpleName(Class<?> type) {
		return type == null ? "value" : type.getSimpleName().toLowerCase();
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

}
