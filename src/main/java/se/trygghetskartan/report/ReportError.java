package se.trygghetskartan.report;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with a report or its moderation; words under {@code error.<code>}. */
public enum ReportError implements ErrorCode {

	/** A text with a web address or a domain name in it: reports carry no links. */
	LINK_IN_TEXT,
	/** minutes: too many reports from this address within the hour. */
	TOO_MANY_REPORTS,
	/** status: the report is already handled. */
	ALREADY_HANDLED,
	/** A report without a pin is approved with the geometry the planner draws. */
	NO_PIN

}
