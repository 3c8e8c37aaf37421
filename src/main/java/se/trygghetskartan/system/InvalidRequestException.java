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
		super(violations.isEmpty() ? "Invalid request" : violations.get(0).toString());
		this.status = status;
		this.violations = List.copyOf(violations);
	}

	public static InvalidRequestException body(List<Violation> violations) {
		return new InvalidRequestException(HttpStatus.UNPROCESSABLE_CONTENT, violations);
	}

	/** A 422 for one field: its code and the arguments its words name. */
	public static InvalidRequestException body(String field, ErrorCode code, Object... namesAndValues) {
		return body(List.of(new Violation(field, code, namesAndValues)));
	}

	/** A 400 for one parameter (or header). */
	public static InvalidRequestException parameter(String name, ErrorCode code, Object... namesAndValues) {
		return parameter(new Violation(name, code, namesAndValues));
	}

	public static InvalidRequestException parameter(Violation violation) {
		return new InvalidRequestException(HttpStatus.BAD_REQUEST, List.of(violation));
	}

	public HttpStatus status() {
		return status;
	}

	public List<Violation> violations() {
		return violations;
	}

}
