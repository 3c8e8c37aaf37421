package se.trygghetskartan.system;

/** One thing wrong with a request: where (a JSON pointer-ish path or parameter name) and why. */
public record Violation(String field, String reason, double[] position) {

	public Violation(String field, String reason) {
		this(field, reason, null);
	}

}
