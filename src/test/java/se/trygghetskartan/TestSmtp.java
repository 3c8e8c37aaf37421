package se.trygghetskartan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a loopback port of its own that stays
 * the same when a test stops and starts it again. Every test context sends the app's mail to it
 * (Initializer): the outbox is one table in the one test database and every cached context's sender
 * takes from it, so they must all deliver to the same server. Tests find their messages by recipient.
 */
public final class TestSmtp {

	private static final int PORT = freePort();

	private static GreenMail server = started();

	private TestSmtp() {
	}

	/** The messages to this address so far, waiting up to 15 s until there are at least {@code count}. */
	public static List<MimeMessage> mailTo(String address, int count) throws MessagingException {
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
	public static List<MimeMessage> received(String address) throws MessagingException {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : server.getReceivedMessages()) {
			if (Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address))) {
				messages.add(message);
			}
		}
		return messages;
	}

	/** Empties every mailbox, starting the server again first if a test stopped it. */
	public static void reset() {
		if (!server.isRunning()) {
			start();
		}
		try {
			server.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stops the server: the app's mail server is down until {@link #start}. */
	public static void stop() {
		server.stop();
	}

	/** Starts the server again, on the same port. */
	public static void start() {
		server = started();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail started() {
		GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return smtp;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Points the app's mail at the server, with the sender and public address the tests expect. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testSmtp", Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", PORT,
						"trygghetskartan.mail.from", "trygghet@katrineholm.example", "trygghetskartan.mail.public-url",
						"https://trygghet.katrineholm.example")));
		}

	}

}
