package se.trygghetskartan.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.system.Hmac;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: queues a message in the caller's transaction (sent once it is committed, by
 * OutboxSender), and makes the absolute, signed links messages carry.
 */
@Service
public class MailOutbox {

	/** Whether mail goes out at all: a mail server is configured ({@code spring.mail.host}). */
	public boolean enabled() {
		return senders.getIfAvailable() != null;
	}

	/** The headers of RFC 8058 one-click unsubscribe. */
	public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";

	public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final JdbcClient jdbc;

	private final MailProperties properties;

	private final ObjectProvider<JavaMailSender> senders;

	private final JsonMapper json;

	private final Hmac links;

	MailOutbox(JdbcClient jdbc, MailProperties properties, ObjectProvider<JavaMailSender> senders, JsonMapper json) {
		this.jdbc = jdbc;
		this.links = Hmac.storedKey(jdbc, "SELECT key FROM mail_link_key LIMIT 1");
		this.properties = properties;
		this.senders = senders;
		this.json = json;
	}

	/**
	 * Queues a plain-text message, in the caller's transaction; without a mail server configured
	 * ({@code spring.mail.host}) nothing is queued and the log says so (by {@code what}, never the address).
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void queue(String recipient, String subject, String body, Map<String, String> headers, String what) {
		if (!enabled()) {
			log.info("No mail server configured (spring.mail.host): {} is not sent", what);
			return;
		}
		jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body, headers) VALUES (:to, :subject, :body, CAST(:headers AS jsonb))")
			.param("to", recipient)
			.param("subject", subject)
			.param("body", body)
			.param("headers", json.writeValueAsString(headers))
			.update();
	}

	/** The headers of a message with one-click unsubscribe (RFC 8058) at this absolute address. */
	public static Map<String, String> unsubscribeHeaders(String url) {
		return Map.of(LIST_UNSUBSCRIBE, "<" + url + ">", LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
	}

	/** The absolute address of a path of the app (“/abonnemang?…”), for links in messages. */
	public String url(String path) {
		String base = properties.publicUrl();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	/** A token for a link that acts on item {@code id} for {@code purpose}: the id and its signature. */
	public String sign(String purpose, long id) {
		return id + "-" + signature(purpose, id);
	}

	/** The id a token signed for the purpose stands for; empty for a token that is not one. */
	public OptionalLong verify(String purpose, String token) {
		int dash = token == null ? -1 : token.indexOf('-');
		if (dash < 1) {
			return OptionalLong.empty();
		}
		long id;
		try {
			id = Long.parseLong(token.substring(0, dash));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
		boolean valid = MessageDigest.isEqual(signature(purpose, id).getBytes(StandardCharsets.US_ASCII),
				token.substring(dash + 1).getBytes(StandardCharsets.US_ASCII));
		return valid ? OptionalLong.of(id) : OptionalLong.empty();
	}

	// 18 bytes (144 bits) of the HMAC: 24 characters in a link, far past guessing.
	private String signature(String purpose, long id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(links.sign(purpose + ":" + id), 18));
	}

}
