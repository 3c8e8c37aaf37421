package se.trygghetskartan.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.mail.MailOutbox;
import se.trygghetskartan.mail.Repeating;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalitySettings;
import se.trygghetskartan.system.Messages;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The subscribers' digests: each confirmed subscriber gets, at most once per interval, one mail with
 * what was first seen in the feed of their district (or municipality) since their last, and nothing
 * when nothing is new (an entry in exactly one digest: the fifty first seen when there are more, the
 * rest in the next); every mail with one-click unsubscribe (RFC 8058) and a link to a page that
 * unsubscribes. Also deletes the subscriptions left unconfirmed too long, with or without a mail server.
 * One instance at a time does it (an advisory lock); digests go out only where mail goes out, so an
 * instance without a mail server never passes a subscriber's news by.
 */
@Component
class SubscriptionDigest {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionDigest.class);

	/**
	 * The advisory lock's key: held by the digest and by a confirmation, the two that note what is first
	 * seen, so that a digest sees all that was noted up to its own clock time.
	 */
	static final String LOCK = "hashtextextended('subscription-digest', 42)";

	private final JdbcClient jdbc;

	private final FeedService feeds;

	private final MailOutbox outbox;

	private final Municipalities municipalities;

	private final Messages messages;

	private final SubscriptionProperties properties;

	private final TransactionTemplate transaction;

	private Repeating job;

	SubscriptionDigest(JdbcClient jdbc, FeedService feeds, MailOutbox outbox, Municipalities municipalities,
			Messages messages, SubscriptionProperties properties, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.feeds = feeds;
		this.outbox = outbox;
		this.municipalities = municipalities;
		this.messages = messages;
		this.properties = properties;
		this.transaction = transaction;
	}

	private record Due(long id, long municipality, Long district, String districtName, String email,
			SubscriptionLanguage language, OffsetDateTime since) {
	}

	// Looked at ten times per interval, so that a digest is late by a tenth of it at most.
	// Once the app is ready: the job needs beans that are still being made while the context starts.
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Duration often = Duration.ofMillis(Math.min(300_000, Math.max(200, properties.digestEvery().toMillis() / 10)));
		job = Repeating.start("subscription-digest", often, often, log, this::send);
	}

	@PreDestroy
	void stop() {
		if (job != null) {
			job.close();
		}
	}

	/**
	 * Deletes the subscriptions left unconfirmed too long, and queues the digests that are due (where
	 * mail goes out); how many.
	 */
	int send() {
		Integer sent = transaction.execute(status -> {
			if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(" + LOCK + ")").query(Boolean.class).single()) {
				return 0;
			}
			jdbc.sql("DELETE FROM subscription WHERE confirmed_at IS NULL AND created_at < now() - make_interval(secs => :keep)")
				.param("keep", (double) properties.unconfirmedFor().toSeconds())
				.update();
			if (!outbox.enabled()) {
				return 0;
			}
			feeds.recordSeen();
			// Every entry first seen up to now is there to see: all that note them hold the lock.
			OffsetDateTime until = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
			List<Due> due = jdbc.sql("""
					SELECT s.id, s.municipality_id, s.neighbourhood_id,
					  (SELECT n.name FROM neighbourhood_overview n WHERE n.id = s.neighbourhood_id) AS district,
					  s.email, s.language, s.news_through
					FROM subscription s
					WHERE s.confirmed_at IS NOT NULL AND s.last_digest_at <= now() - make_interval(secs => :every)
					ORDER BY s.id FOR UPDATE SKIP LOCKED""")
				.param("every", properties.digestEvery().toMillis() / 1000.0)
				.query((rs, row) -> new Due(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
						rs.getString(5), SubscriptionLanguage.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
						rs.getObject(7, OffsetDateTime.class)))
				.list();
			int queued = 0;
			for (Due subscription : due) {
				FeedService.News news = feeds.news(subscription.municipality(), subscription.district(), subscription.since(),
						until);
				if (!news.entries().isEmpty()) {
					queue(subscription, news.entries());
					queued++;
				}
				jdbc.sql("UPDATE subscription SET last_digest_at = now(), news_through = :through WHERE id = :id")
					.param("through", news.through())
					.param("id", subscription.id())
					.update();
			}
			return queued;
		});
		return sent == null ? 0 : sent;
	}

	private void queue(Due subscription, List<FeedEntry> news) {
		Locale language = subscription.language().locale();
		MunicipalitySettings municipality = municipalities.byId(subscription.municipality());
		String where = SubscriptionService.where(municipality.name(), subscription.districtName());
		String pages = outbox.url("/" + municipality.slug() + "/");
		String entries = news.stream()
			.map(entry -> "- " + messages.text(entry.messageKey(), Map.of("title", entry.title()), language) + " ("
					+ entry.day() + ")" + (entry.summary() == null ? "" : "\n  " + entry.summary()) + "\n  "
					+ pages + entry.path())
			.collect(Collectors.joining("\n\n"));
		String token = outbox.sign(SubscriptionService.UNSUBSCRIBE, subscription.id());
		String page = outbox.url("/abonnemang?avsluta=" + token);
		outbox.queue(subscription.email(),
				messages.text("subscription.mail.digest.subject", Map.of("where", where), language),
				messages.text("subscription.mail.digest.body", Map.of("where", where, "entries", entries, "unsubscribe", page),
						language),
				MailOutbox.unsubscribeHeaders(outbox.url(SubscriptionController.SUBSCRIPTIONS + "/unsubscribe?token=" + token)),
				"the digest of subscription " + subscription.id());
	}

}
