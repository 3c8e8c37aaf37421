package se.trygghetskartan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tests of the app's e-mail: one real SMTP server (GreenMail) for the whole JVM on a port
 * of its own, which a test may stop and start again on the same port. All such tests share one
 * context (the same properties), so only one app instance sends from the shared outbox; the mail
 * jobs run every fraction of a second, and requests may say for which client address they come.
 */
public abstract class MailTest extends ApiTest {

	private static final int PORT = freePort();

	private static GreenMail smtp = started();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> PORT);
		properties.add("trygghetskartan.mail.from", () -> "trygghet@katrineholm.example");
		properties.add("trygghetskartan.mail.public-url", () -> "https://trygghet.katrineholm.example");
		properties.add("trygghetskartan.mail.send-every", () -> "200ms");
		properties.add("trygghetskartan.trusted-proxies", () -> "127.0.0.1");
		properties.add("trygghetskartan.subscriptions.digest-every", () -> "1s");
		properties.add("trygghetskartan.reports.mail.updates-every", () -> "500ms");
	}

	@BeforeEach
	void emptyMailbox() throws Exception {
		if (!smtp.isRunning()) {
			startSmtp();
		}
		smtp.purgeEmailFromAllMailboxes();
	}

	/** The messages to this address so far, waiting up to 15 s until there are at least {@code count}. */
	protected static List<MimeMessage> mailTo(String address, int count) throws MessagingException {
		long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (true) {
			List<MimeMessage> messages = received(address);
			if (messages.size() >= count || System.nanoTime() > end) {
				return messages;
			}
			sleep(100);
		}
	}

	/** The messages to this address so far. */
	protected static List<MimeMessage> received(String address) throws MessagingException {
		List<MimeMessage> messages = new java.util.ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address))) {
				messages.add(message);
			}
		}
		return messages;
	}

	protected static void stopSmtp() {
		smtp.stop();
	}

	protected static void startSmtp() {
		smtp = started();
	}

	protected static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail started() {
		GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
