package se.trygghetskartan.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The app's mail: the sender's address, the public address its links begin with, how often the outbox
 * is looked at, and how long a message that cannot be delivered is tried. Mail goes out only when
 * {@code spring.mail.host} is set.
 */
@ConfigurationProperties("trygghetskartan.mail")
record MailProperties(@DefaultValue("no-reply@trygghetskartan.local") String from,
		@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("10s") Duration sendEvery,
		@DefaultValue("1d") Duration giveUpAfter) {
}
