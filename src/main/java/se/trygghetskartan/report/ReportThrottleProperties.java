package se.trygghetskartan.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many reports and voices one address may send within the window before the next gets 429. */
@ConfigurationProperties("trygghetskartan.reports")
record ReportThrottleProperties(@DefaultValue("5") int perAddress, @DefaultValue("1h") Duration window) {
}
