package se.trygghetskartan.system;

import java.time.Duration;

/**
 * How long a request body may take to arrive: all of it within the deadline, or, for the large
 * imports, past the deadline only while it keeps arriving at the minimum rate on average.
 */
record BodyDeadline(Duration deadline, long minBytesPerSecond) {

	/** All of the body within the deadline. */
	static BodyDeadline of(Duration deadline) {
		return new BodyDeadline(deadline, 0);
	}

	/** Whether a body of which {@code bytes} have arrived after {@code elapsed} is too slow. */
	boolean tooSlow(Duration elapsed, long bytes) {
		if (elapsed.compareTo(deadline) <= 0) {
			return false;
		}
		return minBytesPerSecond <= 0 || bytes < minBytesPerSecond * elapsed.toMillis() / 1000;
	}

	/** What the client must do better, for the 408 answer. */
	Reason rule() {
		return minBytesPerSecond <= 0 ? Reason.of(RequestError.BODY_TOO_SLOW, "seconds", deadline.toSeconds())
				: Reason.of(RequestError.IMPORT_TOO_SLOW, "seconds", deadline.toSeconds(), "rate",
						minBytesPerSecond / 1024);
	}

}
