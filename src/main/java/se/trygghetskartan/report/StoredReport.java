package se.trygghetskartan.report;

import se.trygghetskartan.history.StoredItem;

/** A report as planners see it (never with the e-mail address), with the version its ETag names. */
record StoredReport(long id, long version, String json) implements StoredItem {
}
