package se.trygghetskartan.account;

import se.trygghetskartan.system.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this user name or from this address: try again after a while. */
public class SignInThrottledException extends AuthenticationException {

	private final long retryAfterSeconds;

	SignInThrottledException(long retryAfterSeconds) {
		super("Too many failed logins. Try again in " + minutes(retryAfterSeconds) + ".");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** Seconds until an attempt may be made again (for Retry-After). */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	/** The 429 answer; send {@link #retryAfterSeconds()} as Retry-After with it. */
	public ProblemDetail problem() {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, AccountError.TOO_MANY_LOGINS,
				"minutes", (retryAfterSeconds + 59) / 60);
		problem.setProperty("retryAfter", retryAfterSeconds);
		return problem;
	}

	private static String minutes(long seconds) {
		long minutes = (seconds + 59) / 60;
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}

}
