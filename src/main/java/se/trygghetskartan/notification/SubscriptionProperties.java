package se.trygghetskartan.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail subscriptions: at most one digest per subscriber within {@code digestEvery}, and how long a
 * subscription waits for its confirmation before it is deleted.
 */
@ConfigurationProperties("trygghetskartan.subscriptions")
record SubscriptionProperties(@DefaultValue("1h") Duration digestEvery, @DefaultValue("7d") Duration unconfirmedFor) {
}
