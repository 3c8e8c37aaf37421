package se.trygghetskartan.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins within the window are allowed before further attempts are refused with 429:
 * for one user name from one address, from one address whatever the user names, and for one user
 * name from anywhere. The first keeps a guesser from one place away from one account; the second
 * stops one place guessing across accounts; the third, much higher, stops a guesser with many
 * addresses while a few guesses from elsewhere cannot lock a user out.
 */
@ConfigurationProperties("trygghetskartan.login-throttle")
record LoginThrottleProperties(@DefaultValue("15m") Duration window, @DefaultValue("10") int perUserAndAddress,
		@DefaultValue("30") int perAddress, @DefaultValue("100") int perUser) {
}
