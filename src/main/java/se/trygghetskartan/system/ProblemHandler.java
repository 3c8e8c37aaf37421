package se.trygghetskartan.system;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure into an RFC 9457 problem that says what is wrong. */
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
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemResponses.problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(ConflictException ex) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> versionConflict(VersionConflictException ex) {
		if (ex.isMissing()) {
			return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
				.body(ProblemResponses.problem(HttpStatus.PRECONDITION_REQUIRED, "If-Match required", ex.getMessage()));
		}
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.PRECONDITION_FAILED, "Edited by someone else",
				ex.getMessage());
		problem.setProperty("currentVersion", ex.currentVersion());
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
			.header(HttpHeaders.ETAG, ETags.of(ex.currentVersion()))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex) {
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
			.body(ProblemResponses.problem(HttpStatus.PRECONDITION_FAILED, "Edited by someone else",
					"Someone else saved this item while you were saving. Reload it, then apply your change again."));
	}

	@ExceptionHandler
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		// Validation should have caught it; the database's constraints are the last line. One line in
		// the log, and of PostgreSQL's message only its first line: its "Detail" repeats stored values.
		String rule = firstLine(rootMessage(ex));
		log.warn("Constraint violation not caught by validation: {}", rule);
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemResponses.problem(HttpStatus.CONFLICT, "Conflicts with stored data",
					"The change breaks a rule of the stored data: " + rule));
	}

	@ExceptionHandler
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return invalid(InvalidRequestException.parameter(ex.getName(),
				"'" + ex.getValue() + "' is not a valid " + simpleName(ex.getRequiredType())));
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
			.body(ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
					"Something went wrong on our side; it has been logged."));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail bodyLimit = ProblemResponses.bodyLimit(ex);
		if (bodyLimit != null) {
			return ResponseEntity.status(bodyLimit.getStatus()).body(bodyLimit);
		}
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Unreadable body",
				"The body is not valid JSON: " + firstLine(rootMessage(ex)));
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getContentType() == null) {
			// A Content-Type that does not parse, most often with a charset Java does not know: say which.
			return invalid(InvalidRequestException.parameter(HttpHeaders.CONTENT_TYPE, firstLine(ex.getMessage())));
		}
		return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
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
