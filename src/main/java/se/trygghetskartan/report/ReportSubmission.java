package se.trygghetskartan.report;

import java.util.Set;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.place.PlaceReason;
import tools.jackson.databind.JsonNode;

/**
 * A report as a resident sent it, checked field by field: a pin, or (from the list view) a district
 * and words saying where. {@code honeypot} is whatever the hidden field held: a person leaves it empty.
 */
record ReportSubmission(Geometry location, String neighbourhood, String place, Set<PlaceReason> reasons,
		Set<ReportTime> when, String text, String email, boolean honeypot) {

	static final int MAX_TEXT = 2000;

	/**
	 * A web address, a "www." or a domain name in the text: links are how spam travels, so a report
	 * carries none. Domains are told from abbreviations ("t.ex.", "bl.a.") by a label of two or more
	 * characters before a common top-level domain in lower case (so that "mörkt.Se upp", a space left
	 * out, is none), or by a slash after a dotted name.
	 */
	private static final Pattern LINK = Pattern.compile("(?iu)https?://|\\bwww\\.|\\b[\\p{L}\\p{N}-]{2,}\\."
			+ "(?-i:se|nu|com|net|org|info|biz|eu|io|co|me|app|dev|xyz|top|online|site|shop|store|ru|uk|de|no|dk|fi|ly|gl|to|cc|tk)\\b"
			+ "|\\b[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+/");

	/** Whether the words hold a web address or a domain name. */
	static boolean hasLink(String words) {
		return LINK.matcher(words).find();
	}

	private static void rejectLinks(FeatureBody report, String field, String words) {
		if (words != null && hasLink(words)) {
			report.reject(field, ReportError.LINK_IN_TEXT);
		}
	}

	/** Reads and checks a report; a 422 says what is wrong with it. */
	static ReportSubmission read(JsonNode body, GeometryService geometries) {
		FeatureBody report = FeatureBody.plain(body, geometries);
		FeatureBody.Fields fields = report.properties();
		boolean honeypot = fields.honeypot();
		Geometry location = report.geometry("location", GeometryKind.POINT, false);
		boolean pinned = fields.has("location");
		String neighbourhood = fields.text("neighbourhood", !pinned, 100);
		String place = fields.text("place", !pinned, 500);
		Set<PlaceReason> reasons = fields.codes(PlaceReason.class, "reasons");
		Set<ReportTime> when = fields.has("when") ? fields.codes(ReportTime.class, "when") : Set.of();
		String text = fields.text("text", false, MAX_TEXT);
		rejectLinks(report, "place", place);
		rejectLinks(report, "text", text);
		String email = fields.email("email", false);
		// A robot's form is answered as if it had worked, whatever else is wrong with it.
		if (!honeypot) {
			report.throwIfInvalid();
		}
		return new ReportSubmission(location, neighbourhood, place, Set.copyOf(reasons), Set.copyOf(when), text, email,
				honeypot);
	}

}
