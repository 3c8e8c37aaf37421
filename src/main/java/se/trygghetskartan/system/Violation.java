package se.trygghetskartan.system;

/**
 * One thing wrong with a request: where (a JSON pointer-ish path or parameter name) and why. As JSON
 * {@code {"field", "code", "args", "reason", "position"}}, the position only when the map can mark it.
 */
public record Violation(String field, Reason reason) {

	public Violation(String field, ErrorCode code, Object... namesAndValues) {
		this(field, Reason.of(code, namesAndValues));
	}

	/** A violation at a position the map marks (a geometry's defect). */
	public static Violation at(String field, ErrorCode code, double[] position, Object... namesAndValues) {
		return new Violation(field, Reason.at(code, position, namesAndValues));
	}

	/** Where the map marks it, or null. */
	public double[] position() {
		return reason.position();
	}

	@Override
	public String toString() {
		return field + ": " + reason;
	}

}
