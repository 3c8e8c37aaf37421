package se.trygghetskartan;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free loopback port, one per test class that needs mail: it
 * starts it in a static field, sends the app's mail to it with {@link #register} from its
 * {@code @DynamicPropertySource}, and stops it after its tests.
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	/** A started server on a free port. */
	public static GreenMail start() {
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return smtp;
	}

	/** The app's mail to this server, from the reports' sender address. */
	public static void register(GreenMail smtp, DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		properties.add("trygghetskartan.reports.mail.from", () -> "trygghet@katrineholm.example");
	}

}
