package se.trygghetskartan.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a reporter's e-mail address is kept after the report is closed, or after it was received
 * when it is never handled (then deleted), and how often reporters are told of the measures at their
 * report's place. The sender's address is the mail module's ({@code trygghetskartan.mail.from}).
 */
@ConfigurationProperties("trygghetskartan.reports.mail")
record ReportMailProperties(@DefaultValue("365d") Duration keepAddresses, @DefaultValue("5m") Duration updatesEvery) {
}
