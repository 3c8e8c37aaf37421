package se.trygghetskartan.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.mail.MailOutbox;
import se.trygghetskartan.mail.Repeating;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.NotFoundException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a reporter who left an e-mail address what became of the report: the message is queued in the
 * moderation's own transaction (the mail module sends it once that is committed, and keeps trying
 * while the mail server is away); and, later, when a measure at the place the report became (approved
 * or merged) is planned or done, each once, with a link that stops these messages by deleting the
 * address. Deletes, once a day, the addresses of reports closed longer ago than the properties keep
 * them, and of reports never handled that were received that long ago.
 */
@Component
class ReportMail {

	private static final Logger log = LoggerFactory.getLogger(ReportMail.class);

	static final String UPDATES = "report-updates";

	private final MailOutbox outbox;

	private final JdbcClient jdbc;

	private final ReportMailProperties properties;

	private final Messages messages;

	private final Municipalities municipalities;

	private final TransactionTemplate transaction;

	private Repeating deleter;

	private Repeating updater;

	ReportMail(MailOutbox outbox, JdbcClient jdbc, ReportMailProperties properties, Messages messages,
			Municipalities municipalities, TransactionTemplate transaction) {
		this.outbox = outbox;
		this.municipalities = municipalities;
		this.transaction = transaction;
		this.messages = messages;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	private record Handled(String email, String number, String status, String rejection) {
	}

	@EventListener
	void handled(ReportHandled event) {
		Handled report = jdbc.sql("SELECT r.email, " + ReportService.NUMBER
				+ ", r.status, r.rejection FROM report r WHERE r.id = :id AND r.email IS NOT NULL")
			.param("id", event.reportId())
			.query((rs, row) -> new Handled(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional()
			.orElse(null);
		if (report == null) {
			return;
		}
		outbox.queue(report.email(), subject("report.mail.subject", report.number()), text(report), Map.of(),
				"the reply to report " + report.number());
	}

	private record Update(long report, String email, String number, long municipality, long measure, String status,
			String title) {
	}

	/**
	 * Queues a message to each reporter with an address whose report's place has a measure planned or
	 * done since the report was handled (each report, measure and status once); how many.
	 */
	int sendUpdates() {
		if (!outbox.enabled()) {
			return 0;
		}
		List<Update> updates = transaction.execute(status -> jdbc.sql("""
				WITH told AS (
				  INSERT INTO report_measure_notice (report_id, measure_id, status)
				  SELECT DISTINCT r.id, e.measure_id, e.status
				  FROM report r
				  JOIN measure_place_link l ON l.place_id = r.place_id
				  JOIN measure_status_event e ON e.measure_id = l.measure_id
				  WHERE r.email IS NOT NULL AND r.status IN ('approved', 'merged') AND e.status IN ('planned', 'done')
				    AND e.changed_on <= (now() AT TIME ZONE 'Europe/Stockholm')::date AND e.changed_on >= (r.closed_at AT TIME ZONE 'Europe/Stockholm')::date
				  ON CONFLICT DO NOTHING
				  RETURNING report_id, measure_id, status)
				SELECT r.id, r.email, %s AS number, r.municipality_id, told.measure_id, told.status,
				  (SELECT e.title FROM measure_status_event e WHERE e.measure_id = told.measure_id LIMIT 1) AS title
				FROM told JOIN report r ON r.id = told.report_id
				ORDER BY r.id, told.measure_id, told.status DESC""".formatted(ReportService.NUMBER))
			.query((rs, row) -> new Update(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getString(6), rs.getString(7)))
			.list()
			.stream()
			.peek(this::queue)
			.toList());
		return updates == null ? 0 : updates.size();
	}

	private void queue(Update update) {
		String token = outbox.sign(UPDATES, update.report());
		String link = outbox.url("/" + municipalities.byId(update.municipality()).slug() + "/?atgard=" + update.measure());
		String page = outbox.url("/abonnemang?tips=" + token);
		String text = bilingual(language -> messages.text("report.mail.update.body", Map.of("what",
				messages.text("report.mail.update." + update.status(), Map.of("number", update.number(), "title",
						update.title()), language), "link", link, "unsubscribe", page), language));
		outbox.queue(update.email(), subject("report.mail.update.subject", update.number()), text,
				MailOutbox.unsubscribeHeaders(outbox.url("/api/reports/updates/unsubscribe?token=" + token)),
				"the news of report " + update.number());
	}

	/** Stops the messages of the report the token was signed for: its address is deleted. 404 for no such token. */
	@Transactional
	void stopUpdates(String token) {
		long id = outbox.verify(UPDATES, token).orElseThrow(() -> new NotFoundException(ReportService.SUBJECT, "?"));
		jdbc.sql("UPDATE report SET email = NULL WHERE id = :id").param("id", id).update();
	}

	// Swedish, then English: the reporter chose no language, and the words are in the message bundles.
	private String subject(String key, String number) {
		return String.join(" / ", Messages.LANGUAGES.stream()
			.map(language -> messages.text(key, Map.of("number", number), language))
			.toList());
	}

	private static String bilingual(Function<Locale, String> text) {
		return String.join("\n\n---\n\n", Messages.LANGUAGES.stream().map(text).toList());
	}

	// Every instance deletes (idempotent) and tells (each notice is inserted once, whoever inserts it).
	@EventListener(ApplicationReadyEvent.class)
	void startJobs() {
		deleter = Repeating.start("report-address-deletion", Duration.ofMinutes(10), Duration.ofDays(1), log,
				this::deleteOldAddresses);
		updater = Repeating.start("report-updates", properties.updatesEvery(), properties.updatesEvery(), log,
				this::sendUpdates);
	}

	@PreDestroy
	void stopJobs() {
		for (Repeating job : new Repeating[] { deleter, updater }) {
			if (job != null) {
				job.close();
			}
		}
	}

	/**
	 * Deletes the e-mail addresses of reports closed longer ago than they are kept, and of reports
	 * never handled that were received that long ago.
	 */
	int deleteOldAddresses() {
		int deleted = jdbc.sql("""
				UPDATE report SET email = NULL
				WHERE email IS NOT NULL
				  AND COALESCE(closed_at, created_at) < now() - make_interval(secs => :keep)""")
			.param("keep", (double) properties.keepAddresses().toSeconds())
			.update();
		if (deleted > 0) {
			log.info("Deleted the e-mail addresses of {} reports closed (or received and never handled) more than {} ago",
					deleted, properties.keepAddresses());
		}
		return deleted;
	}

	private String text(Handled report) {
		String outcome = "report.mail." + report.status()
				+ (report.rejection() == null ? "" : "." + report.rejection());
		return bilingual(language -> messages.text("report.mail.body", Map.of("number", report.number(), "outcome",
				messages.text(outcome, Map.of(), language), "days", properties.keepAddresses().toDays()), language));
	}

}
