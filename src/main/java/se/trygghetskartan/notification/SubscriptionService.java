package se.trygghetskartan.notification;

import java.util.Map;

import se.trygghetskartan.mail.MailOutbox;
import se.trygghetskartan.municipality.MunicipalitySettings;
import se.trygghetskartan.notification.FeedService.District;
import se.trygghetskartan.report.ReportThrottle;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail subscriptions to a district or a whole municipality, with double opt-in: a subscription
 * waits for the confirmation its mail links to (a page whose button confirms, since mail scanners
 * follow links), and every mail carries a link that unsubscribes, which deletes the address. The
 * answers never tell whether an address is subscribed.
 */
@Service
@Transactional
public class SubscriptionService {

	static final String CONFIRM = "subscription-confirm";

	static final String UNSUBSCRIBE = "subscription-unsubscribe";

	private final JdbcClient jdbc;

	private final MailOutbox outbox;

	private final FeedService feeds;

	private final ReportThrottle throttle;

	private final Messages messages;

	private final SubscriptionProperties properties;

	SubscriptionService(JdbcClient jdbc, MailOutbox outbox, FeedService feeds, ReportThrottle throttle, Messages messages,
			SubscriptionProperties properties) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.feeds = feeds;
		this.throttle = throttle;
		this.messages = messages;
		this.properties = properties;
	}

	/** Whether subscribing is possible: a mail server is configured, so the confirmation can go out. */
	boolean available() {
		return outbox.enabled();
	}

	/**
	 * Subscribes the address to the district (or the whole municipality), counted against the client
	 * address's limit: a new or still unconfirmed subscription gets a confirmation mail, a confirmed
	 * one nothing.
	 */
	void subscribe(String email, MunicipalitySettings municipality, District district, SubscriptionLanguage language,
			String clientAddress) {
		throttle.count(clientAddress);
		Long pending = jdbc.sql("""
				INSERT INTO subscription (municipality_id, neighbourhood_id, email, language)
				VALUES (:municipality, :district, :email, :language)
				ON CONFLICT (municipality_id, COALESCE(neighbourhood_id, 0), lower(email))
				DO UPDATE SET language = EXCLUDED.language,
				  created_at = CASE WHEN subscription.confirmed_at IS NULL THEN now() ELSE subscription.created_at END
				RETURNING CASE WHEN confirmed_at IS NULL THEN id END""")
			.param("municipality", municipality.id())
			.param("district", district == null ? null : district.id())
			.param("email", email)
			.param("language", language.name().toLowerCase(java.util.Locale.ROOT))
			.query((rs, row) -> rs.getObject(1, Long.class))
			.optional()
			.orElse(null);
		if (pending == null) {
			return;
		}
		String where = where(municipality.name(), district == null ? null : district.name());
		String url = outbox.url("/abonnemang?bekrafta=" + outbox.sign(CONFIRM, pending));
		outbox.queue(email, messages.text("subscription.mail.confirm.subject", Map.of("where", where), language.locale()),
				messages.text("subscription.mail.confirm.body", Map.of("where", where, "url", url, "days",
						properties.unconfirmedFor().toDays()), language.locale()),
				Map.of(), "the confirmation of subscription " + pending);
	}

	/**
	 * Confirms the subscription the token was signed for (again: no change); 404 when the token is none
	 * or the subscription is gone (unsubscribed, or unconfirmed too long). From now on, what is new goes
	 * into its digests.
	 */
	void confirm(String token) {
		long id = verified(CONFIRM, token);
		// What is seen from now on is news to the subscriber: noted like the digest notes it, and under its lock.
		jdbc.sql("SELECT pg_advisory_xact_lock(" + SubscriptionDigest.LOCK + ")").query(Object.class).single();
		feeds.recordSeen();
		int confirmed = jdbc.sql("""
				UPDATE subscription SET confirmed_at = COALESCE(confirmed_at, now()),
				  last_digest_at = COALESCE(last_digest_at, now()), news_through = COALESCE(news_through, clock_timestamp())
				WHERE id = :id AND (confirmed_at IS NOT NULL OR created_at > now() - make_interval(secs => :days))""")
			.param("id", id)
			.param("days", (double) properties.unconfirmedFor().toSeconds())
			.update();
		if (confirmed == 0) {
			throw new NotFoundException("subscription", "?");
		}
	}

	/** Deletes the subscription the token was signed for, and so its address (gone already: nothing to do). */
	void unsubscribe(String token) {
		jdbc.sql("DELETE FROM subscription WHERE id = :id").param("id", verified(UNSUBSCRIBE, token)).update();
	}

	/** Where a subscription is about, in a subject or a mail's text: “Nävertorp, Katrineholm” or “Katrineholm”. */
	static String where(String municipality, String district) {
		return district == null ? municipality : district + ", " + municipality;
	}

	private long verified(String purpose, String token) {
		return outbox.verify(purpose, token).orElseThrow(() -> new NotFoundException("subscription", "?"));
	}

}
