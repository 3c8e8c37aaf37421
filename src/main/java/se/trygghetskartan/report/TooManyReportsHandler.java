package se.trygghetskartan.report;

import se.trygghetskartan.system.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A client past the limit of ReportThrottle gets 429 with {@code Retry-After}, wherever it sent from:
 * a report, a voice or an e-mail subscription.
 */
@RestControllerAdvice
class TooManyReportsHandler {

	@ExceptionHandler(TooManyReportsException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyReportsException ex) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, ReportError.TOO_MANY_REPORTS,
				"minutes", (ex.retryAfterSeconds() + 59) / 60);
		problem.setProperty("retryAfter", ex.retryAfterSeconds());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem);
	}

}
