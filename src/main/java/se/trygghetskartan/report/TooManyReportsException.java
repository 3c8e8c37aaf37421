package se.trygghetskartan.report;

/** Too many reports from one address within the window: try again after {@code retryAfterSeconds}. */
public class TooManyReportsException extends RuntimeException {

	private final long retryAfterSeconds;

	TooManyReportsException(long retryAfterSeconds) {
		super("Too many reports from this address; try again in " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
