package se.trygghetskartan.report;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
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

	ReportMail(ObjectProvider<JavaMailSender> senders, JdbcClient jdbc, ReportMailProperties properties) {
		this.senders = senders;
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
		message.setSubject("Ditt tips " + report.number() + " / Your report " + report.number());
		message.setText(text(report));
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			// The moderation stands; the reporter can still follow the report by its link.
			log.warn("Could not send the reply for report {}: {}", report.number(), ex.getMessage());
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

	private static String text(Handled report) {
		String sv = switch (report.status()) {
			case "approved" -> "Tack! Platsen du tipsade om finns nu på kartan som en otrygg plats.";
			case "merged" -> "Tack! Platsen du tipsade om fanns redan på kartan; ditt tips räknas till den.";
			default -> "Tack för ditt tips. Det har inte lagts på kartan: " + switch (report.rejection()) {
				case "spam" -> "det togs för skräppost.";
				case "not_about_safety" -> "det handlar inte om trygghet.";
				case "outside_municipality" -> "platsen ligger utanför kommunen.";
				default -> "det innehöll personuppgifter.";
			};
		};
		String en = switch (report.status()) {
			case "approved" -> "Thank you! The place you reported is now on the map as an unsafe place.";
			case "merged" -> "Thank you! The place you reported was already on the map; your report counts towards it.";
			default -> "Thank you for your report. It has not been put on the map: " + switch (report.rejection()) {
				case "spam" -> "it was taken for spam.";
				case "not_about_safety" -> "it is not about safety.";
				case "outside_municipality" -> "the place lies outside the municipality.";
				default -> "it contained personal data.";
			};
		};
		return "Ditt tips " + report.number() + " är hanterat.\n\n" + sv + "\n\n---\n\nYour report " + report.number()
				+ " has been handled.\n\n" + en + "\n\nDin e-postadress raderas 12 månader efter att tipset hanterats. "
				+ "Your e-mail address is deleted 12 months after the report was handled.\n";
	}

}
