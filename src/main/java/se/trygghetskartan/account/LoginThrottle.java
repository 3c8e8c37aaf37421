package se.trygghetskartan.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in PostgreSQL, so that every instance behind a load balancer counts the same
 * guesses, and refuses an attempt when a limit is reached, before the password is even looked at.
 * <p>
 * The check reads failures that have happened, and a failure is written when it has: guesses sent
 * all at once can pass the check together, up to the number of requests the server handles at a time
 * (each costing a bcrypt comparison, which itself bounds how fast they go). Counting attempts still
 * in flight would close that gap but throttle a script's parallel, correct requests, so it does not.
 */
@Component
class LoginThrottle {

	/** Longest user name stored; no account has a longer one, so nothing is lost by cutting. */
	private static final int MAX_USERNAME = 100;

	private final JdbcClient jdbc;

	private final LoginThrottleProperties limits;

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties limits) {
		this.jdbc = jdbc;
		this.limits = limits;
	}

	/**
	 * Starts an attempt for this user name (null for a bearer token, which names none) from this
	 * address, or refuses it when a limit is reached.
	 */
	Attempt check(String username, String address) {
		String name = username == null ? null : cut(username, MAX_USERNAME);
		String from = cut(address, 100);
		List<Bucket> buckets = buckets(name, from);
		List<Bucket> full = new ArrayList<>();
		long earlier = 0;
		for (Bucket bucket : buckets) {
			long count = count(bucket);
			if (bucket.userAndAddress) {
				earlier = count;
			}
			if (count >= bucket.limit) {
				full.add(bucket);
			}
		}
		if (!full.isEmpty()) {
			throw new SignInThrottledException(full.stream().mapToLong(this::secondsUntilFree).max().orElse(1));
		}
		return new Attempt(name, from, earlier > 0);
	}

	private List<Bucket> buckets(String username, String address) {
		List<Bucket> buckets = new ArrayList<>();
		if (username != null) {
			buckets.add(new Bucket("username = :username AND address = :address", username, address,
					limits.perUserAndAddress(), true));
			buckets.add(new Bucket("username = :username", username, null, limits.perUser(), false));
		}
		buckets.add(new Bucket("address = :address", null, address, limits.perAddress(), false));
		return buckets;
	}

	private long count(Bucket bucket) {
		return bucket.bind(jdbc.sql("SELECT count(*) FROM login_failure WHERE " + bucket.condition
				+ " AND failed_at > now() - make_interval(secs => :window)"))
			.param("window", (double) limits.window().toSeconds())
			.query(Long.class)
			.single();
	}

	// Free again when the failure that filled the bucket (the limit-th newest) leaves the window.
	private long secondsUntilFree(Bucket bucket) {
		return bucket.bind(jdbc.sql("SELECT ceil(extract(epoch FROM failed_at + make_interval(secs => :window) - now()))"
				+ " FROM login_failure WHERE " + bucket.condition + " AND failed_at > now() - make_interval(secs => :window)"
				+ " ORDER BY failed_at DESC OFFSET :skip LIMIT 1"))
			.param("window", (double) limits.window().toSeconds())
			.param("skip", bucket.limit - 1)
			.query(Long.class)
			.optional()
			.map(seconds -> Math.max(1, seconds))
			.orElse(1L);
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

	private record Bucket(String condition, String username, String address, int limit, boolean userAndAddress) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			if (username != null) {
				statement.param("username", username);
			}
			if (address != null) {
				statement.param("address", address);
			}
			return statement;
		}

	}

	/** One login attempt that was let through: it ends as a failure or a success. */
	final class Attempt {

		private final String username;

		private final String address;

		private final boolean earlierFailures;

		private Attempt(String username, String address, boolean earlierFailures) {
			this.username = username;
			this.address = address;
			this.earlierFailures = earlierFailures;
		}

		void failed() {
			long id = jdbc.sql("INSERT INTO login_failure (username, address) VALUES (:username, :address) RETURNING id")
				.param("username", username)
				.param("address", address)
				.query(Long.class)
				.single();
			// Old failures count for nothing; every so often one attempt clears them for all.
			if (id % 50 == 0) {
				jdbc.sql("DELETE FROM login_failure WHERE failed_at < now() - make_interval(secs => :window)")
					.param("window", (double) limits.window().toSeconds())
					.update();
			}
		}

		/**
		 * A user who gets the password right starts afresh from this address; failures for other
		 * names from here, and for this name from elsewhere, still count.
		 */
		void succeeded() {
			if (earlierFailures) {
				jdbc.sql("DELETE FROM login_failure WHERE username = :username AND address = :address")
					.param("username", username)
					.param("address", address)
					.update();
			}
		}

	}

}
