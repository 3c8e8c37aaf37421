package se.trygghetskartan.report;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

import se.trygghetskartan.system.Hmac;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the reports and voices each client address sent within the window, in PostgreSQL (so every
 * instance counts the same and the app keeps no state), by an HMAC of the address under the
 * installation's own key: the address itself is never stored. E-mail subscriptions count against the
 * same limit, so that one client cannot flood anyone's inbox with confirmation mails.
 */
@Component
public class ReportThrottle {

	private final JdbcClient jdbc;

	private final ReportThrottleProperties limits;

	private final Hmac addresses;

	ReportThrottle(JdbcClient jdbc, ReportThrottleProperties limits) {
		this.jdbc = jdbc;
		this.addresses = Hmac.storedKey(jdbc, "SELECT key FROM report_address_key LIMIT 1");
		this.limits = limits;
	}

	/**
	 * Counts one sending from the address, or refuses it (429) when the window already holds the
	 * limit. Locks the address's count for the transaction, so parallel requests cannot pass together.
	 */
	public void count(String address) {
		String hash = addressHash(address);
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:hash, 15))").param("hash", hash).query(Object.class).single();
		long sent = jdbc.sql("SELECT count(*) FROM report_submission WHERE address_hash = :hash "
				+ "AND sent_at > now() - make_interval(secs => :window)")
			.param("hash", hash)
			.param("window", (double) limits.window().toSeconds())
			.query(Long.class)
			.single();
		if (sent >= limits.perAddress()) {
			// Free again when the oldest sending that counts leaves the window.
			long seconds = jdbc.sql("SELECT ceil(extract(epoch FROM min(sent_at) + make_interval(secs => :window) - now())) "
					+ "FROM (SELECT sent_at FROM report_submission WHERE address_hash = :hash "
					+ "AND sent_at > now() - make_interval(secs => :window) ORDER BY sent_at DESC LIMIT :limit) s")
				.param("hash", hash)
				.param("window", (double) limits.window().toSeconds())
				.param("limit", limits.perAddress())
				.query(Long.class)
				.single();
			throw new TooManyReportsException(Math.max(1, seconds));
		}
		jdbc.sql("INSERT INTO report_submission (address_hash) VALUES (:hash)").param("hash", hash).update();
		// Old sendings count for nothing; now and then one request clears them for all.
		if (Math.random() < 0.02) {
			jdbc.sql("DELETE FROM report_submission WHERE sent_at < now() - make_interval(secs => :window)")
				.param("window", (double) limits.window().toSeconds())
				.update();
		}
	}

	/** The keyed hash an address is known by (its /64 for IPv6), never reversible to the address. */
	String addressHash(String address) {
		return hash(network(address));
	}

	// An IPv6 client has a whole /64 to send from: it counts as one.
	static String network(String address) {
		if (address == null || !address.contains(":")) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private String hash(String address) {
		return HexFormat.of().formatHex(addresses.sign(address));
	}

}
