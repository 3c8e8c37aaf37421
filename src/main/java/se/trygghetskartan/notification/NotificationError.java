package se.trygghetskartan.notification;

import se.trygghetskartan.system.ErrorCode;

/** What can keep a subscription from being made; words under {@code error.<code>}. */
enum NotificationError implements ErrorCode {

	/** No mail server is configured: no confirmation could be sent, so no address is taken (503). */
	MAIL_UNAVAILABLE

}
