package se.trygghetskartan.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reporter's reply: from which address, and how long after a report is closed its e-mail
 * address is kept (then deleted). Mail goes out only when {@code spring.mail.host} is set.
 */
@ConfigurationProperties("trygghetskartan.reports.mail")
record ReportMailProperties(@DefaultValue("no-reply@trygghetskartan.local") String from,
		@DefaultValue("365d") Duration keepAddresses) {
}
