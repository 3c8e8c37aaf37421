package se.trygghetskartan.notification;

import java.util.Locale;

import se.trygghetskartan.system.Messages;

/** The language a subscriber's mail is written in. */
enum SubscriptionLanguage {

	SV(Messages.SWEDISH), EN(Messages.ENGLISH);

	private final Locale locale;

	SubscriptionLanguage(Locale locale) {
		this.locale = locale;
	}

	Locale locale() {
		return locale;
	}

}
