package se.trygghetskartan.notification;

import java.time.LocalDate;

/**
 * One thing that happened: a measure's new status or an activity held.
 *
 * @param key unique within the municipality ("measure-12-3", "activity-7")
 * @param kind "measure" or "activity"
 * @param item the measure's or activity's id
 * @param what the status a measure took, or the activity's kind
 * @param summary the measure's note to residents, or null
 */
record FeedEntry(String key, String kind, long item, String what, String title, String summary, LocalDate day) {

	/** Where on a municipality's pages the entry is seen, after its page's address ("/katrineholm/"). */
	String path() {
		return kind.equals("measure") ? "?atgard=" + item : what.equals("safety_walk") ? "vandring?id=" + item
				: "?aktivitet=" + item;
	}

	/** Its title in the message bundles' words ("Åtgärd klar: …"). */
	String messageKey() {
		return "feed." + kind + "." + what;
	}

}
