package se.trygghetskartan.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;

/** HMAC-SHA256 of a text under a key the installation made (addresses counted, links signed). */
public final class Hmac {

	private final JdbcClient jdbc;

	private final String query;

	private volatile byte[] key;

	private Hmac(JdbcClient jdbc, String query) {
		this.jdbc = jdbc;
		this.query = query;
	}

	/**
	 * Under the key the installation made once and keeps in its database: the text the query selects,
	 * read on first use (the owning module's query, so the SQL names only its own table).
	 */
	public static Hmac storedKey(JdbcClient jdbc, String query) {
		return new Hmac(jdbc, query);
	}

	/** The HMAC of the text under the stored key. */
	public byte[] sign(String text) {
		if (key == null) {
			key = jdbc.sql(query).query(String.class).single().getBytes(StandardCharsets.UTF_8);
		}
		return sha256(key, text);
	}

	public static byte[] sha256(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
