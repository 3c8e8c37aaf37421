package se.trygghetskartan;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tests of the app's e-mail, over the JVM's real SMTP server (TestSmtp), which a test may
 * stop and start again on the same port: the mail jobs run every fraction of a second, and requests
 * may say for which client address they come.
 */
public abstract class MailTest extends ApiTest {

	@DynamicPropertySource
	static void mailJobs(DynamicPropertyRegistry properties) {
		properties.add("trygghetskartan.mail.send-every", () -> "200ms");
		properties.add("trygghetskartan.trusted-proxies", () -> "127.0.0.1");
		properties.add("trygghetskartan.subscriptions.digest-every", () -> "1s");
		properties.add("trygghetskartan.reports.mail.updates-every", () -> "500ms");
	}

	@BeforeEach
	void emptyMailbox() {
		TestSmtp.reset();
	}

	/** The messages to this address so far, waiting up to 15 s until there are at least {@code count}. */
	protected static List<MimeMessage> mailTo(String address, int count) throws MessagingException {
		return TestSmtp.mailTo(address, count);
	}

	/** The messages to this address so far. */
	protected static List<MimeMessage> received(String address) throws MessagingException {
		return TestSmtp.received(address);
	}

	protected static void stopSmtp() {
		TestSmtp.stop();
	}

	protected static void startSmtp() {
		TestSmtp.start();
	}

	protected static void sleep(long millis) {
		TestSmtp.sleep(millis);
	}

}
