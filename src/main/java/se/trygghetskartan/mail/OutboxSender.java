package se.trygghetskartan.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, off the request threads: a few messages at a time, each row locked
 * with {@code FOR UPDATE SKIP LOCKED} so that several instances share the work without sending a
 * message twice. A message sent is deleted; one the server refused or could not take waits longer
 * after each attempt (1, 2, 4… minutes, at most an hour) and is given up after a day.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 20;

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> senders;

	private final MailProperties properties;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private Repeating job;

	OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> senders, MailProperties properties,
			TransactionTemplate transaction, JsonMapper json) {
		this.jdbc = jdbc;
		this.senders = senders;
		this.properties = properties;
		this.transaction = transaction;
		this.json = json;
	}

	private record Queued(long id, String recipient, String subject, String body, String headers, int attempts) {
	}

	// Once the app is ready: the job needs beans that are still being made while the context starts.
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		job = Repeating.start("mail-sender", properties.sendEvery(), properties.sendEvery(), log, this::sendAll);
	}

	@PreDestroy
	void stop() {
		if (job != null) {
			job.close();
		}
	}

	/** Sends every message that is due, batch after batch; the number sent. */
	int sendAll() {
		JavaMailSender sender = senders.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		giveUp();
		int sent = 0;
		while (true) {
			int[] batch = transaction.execute(status -> sendBatch(sender));
			sent += batch[0];
			if (batch[1] < BATCH) {
				return sent;
			}
		}
	}

	// {sent, looked at}
	private int[] sendBatch(JavaMailSender sender) {
		List<Queued> due = jdbc.sql("""
				SELECT id, recipient, subject, body, headers::text, attempts FROM mail_outbox
				WHERE next_attempt_at <= now() ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED""")
			.param("batch", BATCH)
			.query((rs, row) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6)))
			.list();
		int sent = 0;
		for (Queued message : due) {
			try {
				sender.send(mime(sender, message));
				jdbc.sql("DELETE FROM mail_outbox WHERE id = :id").param("id", message.id()).update();
				sent++;
			}
			catch (RuntimeException | MessagingException ex) {
				long wait = Math.min(LONGEST_WAIT.toSeconds(), 60L << Math.min(message.attempts(), 10));
				jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => :wait) WHERE id = :id")
					.param("wait", (double) wait)
					.param("id", message.id())
					.update();
				// The kind of failure only: the server's message may quote the address.
				log.warn("Could not send mail {} (attempt {}): {}; next try in {} s", message.id(),
						message.attempts() + 1, ex.getClass().getSimpleName(), wait);
			}
		}
		return new int[] { sent, due.size() };
	}

	private void giveUp() {
		int given = jdbc.sql("DELETE FROM mail_outbox WHERE created_at < now() - make_interval(secs => :days)")
			.param("days", (double) properties.giveUpAfter().toSeconds())
			.update();
		if (given > 0) {
			log.warn("Gave up {} mail messages not delivered within {}", given, properties.giveUpAfter());
		}
	}

	private MimeMessage mime(JavaMailSender sender, Queued queued) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(properties.from());
		helper.setTo(queued.recipient());
		helper.setSubject(queued.subject());
		helper.setText(queued.body(), false);
		Map<String, String> headers = json.readValue(queued.headers(), new TypeReference<Map<String, String>>() {
		});
		for (Map.Entry<String, String> header : headers.entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		return message;
	}

}
