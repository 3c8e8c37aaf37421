package se.trygghetskartan.report;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.system.Messages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a reporter who left an e-mail address what became of the report, once the moderation is
 * committed, through SMTP as {@code spring.mail.*} configures it (none configured: nothing is sent,
 * and the log says so). Deletes the addresses of reports closed longer ago than the properties keep
 * them, once a day.
 */
@Component
class ReportMail {

	private static final Logger log = LoggerFactory.getLogger(ReportMail.class);

	private final ObjectProvider<JavaMailSender> senders;

	private final JdbcClient jdbc;

	private final ReportMailProperties properties;

	private final ScheduledExecutorService deleter = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "report-address-deletion");
		thread.setDaemon(true);
		return thread;
	});

	private final Messages messages;

	ReportMail(ObjectProvider<JavaMailSender> senders, JdbcClient jdbc, ReportMailProperties properties,
			Messages messages) {
		this.senders = senders;
		this.messages = messages;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	private record Handled(String email, String number, String status, String rejection) {
	}

	@TransactionalEventListener
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
		JavaMailSender sender = senders.getIfAvailable();
		if (sender == null) {
			log.info("Report {} handled; no mail server configured (spring.mail.host), so its reporter is not told",
					report.number());
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.from());
		message.setTo(report.email());
		message.setSubject(String.join(" / ", Messages.LANGUAGES.stream()
			.map(language -> messages.text("report.mail.subject", Map.of("number", report.number()), language))
			.toList()));
		message.setText(text(report));
		try {
			sender.send(message);
		}
		catch (RuntimeException ex) {
			// The moderation stands; the reporter can still follow the report by its link. Only the kind of
			// failure is logged: the server's message may quote the address.
			log.warn("Could not send the reply for report {}: {}", report.number(), ex.getClass().getSimpleName());
		}
	}

	// A thread of its own rather than @EnableScheduling, whose scheduler would be a second TaskExecutor
	// bean beside the one the incident imports run on. Every instance deletes; the deletion is idempotent.
	@PostConstruct
	void startDeleting() {
		deleter.scheduleWithFixedDelay(() -> {
			try {
				deleteOldAddresses();
			}
			catch (RuntimeException ex) {
				log.warn("Could not delete old reporters' e-mail addresses: {}", ex.getMessage());
			}
		}, 10, Duration.ofDays(1).toMinutes(), TimeUnit.MINUTES);
	}

	@PreDestroy
	void stopDeleting() {
		deleter.shutdownNow();
	}

	/** Deletes the e-mail addresses of reports closed longer ago than they are kept. */
	int deleteOldAddresses() {
		int deleted = jdbc.sql("""
				UPDATE report SET email = NULL
				WHERE email IS NOT NULL AND closed_at < now() - make_interval(secs => :keep)""")
			.param("keep", (double) properties.keepAddresses().toSeconds())
			.update();
		if (deleted > 0) {
			log.info("Deleted the e-mail addresses of {} reports closed more than {} ago", deleted,
					properties.keepAddresses());
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
