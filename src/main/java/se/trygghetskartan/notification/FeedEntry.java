package se.trygghetskartan.notification;

import java.time.LocalDate;

/**
 * One thing that happened: a measure's new status, an activity held, or a promise (and so its
 * follow-up) published.
 *
 * @param key unique within the municipality (measure-12-3, activity-7, promise-2)
 * @param kind measure, activity or promise
 * @param item the measure's, activity's or promise's id
 * @param what the status a measure took, the activity's kind, or published
 * @param summary the measure's note to residents, or null
 */
record FeedEntry(String key, String kind, long item, String what, String title, String summary, LocalDate day) {

	/** Where on a municipality's pages the entry is seen, after its page's address (“/katrineholm/”). */
	String path() {
		return switch (kind) {
			case "measure" -> "?atgard=" + item;
			case "promise" -> "uppfoljning#promise-" + item;
			default -> what.equals("safety_walk") ? "vandring?id=" + item : "?aktivitet=" + item;
		};
	}

	/** Its title in the message bundles' words (“Åtgärd klar: …”). */
	String messageKey() {
		return "feed." + kind + "." + what;
	}

}
