package se.trygghetskartan.report;

import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.mail.MailOutbox;
import se.trygghetskartan.mail.Repeating;
import se.trygghetskartan.system.Messages;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a reporter who left an e-mail address what became of the report: the message is queued in the
 * moderation's own transaction (the mail module sends it once that is committed, and keeps trying
 * while the mail server is away). Deletes, once a day, the addresses of reports closed longer ago than
 * the properties keep them, and of reports never handled that were received that long ago.
 */
@Component
class ReportMail {

	private static final Logger log = LoggerFactory.getLogger(ReportMail.class);

	private final MailOutbox outbox;

	private final JdbcClient jdbc;

	private final ReportMailProperties properties;

	private final Messages messages;

	private Repeating deleter;

	ReportMail(MailOutbox outbox, JdbcClient jdbc, ReportMailProperties properties, Messages messages) {
		this.outbox = outbox;
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
		String subject = String.join(" / ", Messages.LANGUAGES.stream()
			.map(language -> messages.text("report.mail.subject", Map.of("number", report.number()), language))
			.toList());
		outbox.queue(report.email(), subject, text(report), Map.of(), "the reply to report " + report.number());
	}

	// Every instance deletes; the deletion is idempotent.
	@PostConstruct
	void startDeleting() {
		deleter = Repeating.start("report-address-deletion", Duration.ofMinutes(10), Duration.ofDays(1), log,
				this::deleteOldAddresses);
	}

	@PreDestroy
	void stopDeleting() {
		deleter.close();
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
	// Swedish, then English: the reporter chose no language, and the words are in the message bundles.
	private String text(Handled report) {
		String outcome = "report.mail." + report.status()
				+ (report.rejection() == null ? "" : "." + report.rejection());
		return String.join("\n\n---\n\n", Messages.LANGUAGES.stream()
			.map(language -> messages.text("report.mail.body", Map.of("number", report.number(), "outcome",
					messages.text(outcome, Map.of(), language)), language))
			.toList());
	}

}
