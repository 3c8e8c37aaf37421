package se.trygghetskartan.open311;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with an Open311 request; words under {@code error.<code>}. */
enum Open311Error implements ErrorCode {

	/** allowed: the installation has several municipalities, so the request must name one. */
	JURISDICTION_REQUIRED,
	/** A report needs a place given as lat and long; addresses are not looked up. */
	LOCATION_REQUIRED,
	/** Pictures are not taken: they can show people. */
	MEDIA_NOT_ACCEPTED,
	/** attribute, allowed: the service has no such attribute. */
	UNKNOWN_ATTRIBUTE,
	/** value: not a W3C date-time (or date). */
	NOT_A_W3C_DATETIME,
	/** days: start_date to end_date spans more than the specification allows. */
	WINDOW_TOO_LONG,
	/** format: neither json nor xml. */
	UNKNOWN_FORMAT,
	/** A browser sent a service request from another site's page (Sec-Fetch-Site: cross-site). */
	CROSS_SITE_REQUEST

}
