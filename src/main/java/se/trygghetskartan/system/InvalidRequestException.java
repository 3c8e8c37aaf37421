package se.trygghetskartan.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request whose content is wrong. Thrown before anything is stored; answered with 400 for bad
 * query parameters and 422 for a well-formed body with bad content.
 */
public class InvalidRequestException extends RuntimeException {

	private final HttpStatus status;

	private final List<Violation> violations;

	public InvalidRequestException(HttpStatus status, List<Violation> violations) {
		super(violations.isEmpty() ? "Invalid request" : violations.get(0).field() + ": " + violations.get(0).reason());
		this.status = status;
		this.violations = List.copyOf(violations);
	}

	public static InvalidRequestException body(List<Violation> violations) {
		return new InvalidRequestException(HttpStatus.UNPROCESSABLE_CONTENT, violations);
	}

	public static InvalidRequestException body(String field, String reason) {
		return body(List.of(new Violation(field, reason)));
	}

	public static InvalidRequestException parameter(String name, String reason) {
		return new InvalidRequestException(HttpStatus.BAD_REQUEST, List.of(new Violation(name, reason)));
	}

	public HttpStatus status() {
		return status;
	}

	public List<Violation> violations() {
		return violations;
	}

}
