package se.trygghetskartan.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.trygghetskartan.measure.MeasureType;
import se.trygghetskartan.place.PlaceReason;

/**
 * What a walk's stop would become, read from the protocol's own words: a place named by the first
 * clause of what felt unsafe, reasons and a measure type found by keywords (Swedish first, English
 * too). A suggestion for the planner to confirm or change, never a classification to trust blindly:
 * "Annat" (other) only when no word gives a hint.
 */
public record StopSuggestion(String name, List<PlaceReason> reasons, MeasureType measureType, String measureTitle) {

	static final int NAME_LENGTH = 80;

	// Word beginnings, so that "mörkt", "mörkret" and "belysningen" all count. Order matters for
	// the measure type: the word that comes first in the proposal decides.
	private static final Map<PlaceReason, String> REASON_WORDS = new LinkedHashMap<>();

	private static final Map<MeasureType, String> TYPE_WORDS = new LinkedHashMap<>();

	static {
		REASON_WORDS.put(PlaceReason.POOR_LIGHTING,
				"mörk|mörker|belys|lampa|lampor|gatlykt|armatur|släck|oupplyst|dåligt upplyst|ljus|dark|light|unlit");
		REASON_WORDS.put(PlaceReason.OVERGROWN_VEGETATION,
				"buske|buskar|buskage|sly|växtlighet|vegetation|snår|häck|igenvux|träd|bush|hedge|overgrown");
		REASON_WORDS.put(PlaceReason.CRIME_EXPOSED, "brott|rån|stöld|stöl|misshandel|narkotika|knark|langning|inbrott|"
				+ "skjut|kniv|hot|crime|theft|robbery|drug|assault");
		REASON_WORDS.put(PlaceReason.GATHERING_PLACE,
				"samlingsplats|samlas|samling|gäng|ungdomsgäng|häng|folksamling|fest|gather|gang|loiter");
		REASON_WORDS.put(PlaceReason.POOR_VISIBILITY, "skymd|skymm|insyn|överblick|dold|gömd|undangömd|hörn|tunnel|"
				+ "sikt|ödslig|öde|folktom|visib|hidden|blind|deserted");
		REASON_WORDS.put(PlaceReason.VANDALISM,
				"klotter|graffiti|skadegörelse|krossa|sönder|förstör|vandal|trasig|broken");
		REASON_WORDS.put(PlaceReason.TRAFFIC, "trafik|bilar|bilist|fart|hastighet|övergångsställe|korsning|"
				+ "mopeds|moped|epa|cykelbana|traffic|speed|crossing|cars");
		TYPE_WORDS.put(MeasureType.LIGHTING, "belys|lampa|lampor|armatur|gatlykt|ljus|tänd|light|lamp");
		TYPE_WORDS.put(MeasureType.VEGETATION,
				"röj|sly|buskar|buske|beskär|klipp|gallr|fäll|växtlighet|vegetation|häck|trim|clear|prune|cut back");
		TYPE_WORDS.put(MeasureType.CAMERA, "kamera|övervakning|camera|cctv|surveillance");
		TYPE_WORDS.put(MeasureType.BIKE_RACK, "cykelställ|cykelparkering|cykelgarage|bike rack|bike parking");
		// "Polisen" alone says who, not what: "Polisen ser över belysningen" is about lighting.
		TYPE_WORDS.put(MeasureType.PATROL, "patrull|polisnärvaro|väktare|ordningsvakt|patrol");
		TYPE_WORDS.put(MeasureType.SAFETY_HOSTS, "trygghetsvärd|nattvandr|värdar|safety host|night walk");
		TYPE_WORDS.put(MeasureType.YOUTH_MEETING_PLACE, "fritidsgård|mötesplats|ungdomsgård|youth");
		TYPE_WORDS.put(MeasureType.CAMPAIGN, "kampanj|informationskampanj|antilangning|affisch|campaign");
	}

	// A clause ends at a full stop, semicolon, colon, question or exclamation mark, a dash between
	// spaces, or a comma.
	private static final Pattern CLAUSE_END = Pattern.compile("[.;:!?]|\\s[–—-]\\s|,");

	/**
	 * What a stop suggests; {@code fallbackName}, the walk's title and the stop's number, names the
	 * place when nothing felt unsafe in words.
	 */
	public static StopSuggestion of(String unsafe, String proposedMeasure, String fallbackName) {
		String name = unsafe == null || firstClause(unsafe).isEmpty() ? fallbackName : firstClause(unsafe);
		List<PlaceReason> reasons = new ArrayList<>();
		String said = unsafe == null ? "" : unsafe;
		REASON_WORDS.forEach((reason, words) -> {
			if (firstMatch(words, said) >= 0) {
				reasons.add(reason);
			}
		});
		if (reasons.isEmpty()) {
			reasons.add(PlaceReason.OTHER);
		}
		String proposal = proposedMeasure == null ? "" : proposedMeasure;
		MeasureType type = MeasureType.OTHER;
		int earliest = Integer.MAX_VALUE;
		for (Map.Entry<MeasureType, String> entry : TYPE_WORDS.entrySet()) {
			int at = firstMatch(entry.getValue(), proposal);
			if (at >= 0 && at < earliest) {
				earliest = at;
				type = entry.getKey();
			}
		}
		String title = proposal.isBlank() ? null : shorten(proposal.strip(), 200);
		return new StopSuggestion(name, List.copyOf(reasons), type, title);
	}

	/** The first clause, with its first letter a capital, at most {@value #NAME_LENGTH} characters. */
	static String firstClause(String text) {
		String stripped = text.strip();
		Matcher end = CLAUSE_END.matcher(stripped);
		String clause = (end.find() ? stripped.substring(0, end.start()) : stripped).strip();
		if (clause.isEmpty()) {
			return "";
		}
		clause = shorten(clause, NAME_LENGTH);
		return clause.substring(0, 1).toUpperCase(Locale.ROOT) + clause.substring(1);
	}

	// Cut at a word boundary, with an ellipsis, when too long.
	static String shorten(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int space = text.lastIndexOf(' ', max - 1);
		return text.substring(0, space > max / 2 ? space : max - 1).strip() + "…";
	}

	// Where the first word starting with one of the alternatives stands in the text, or -1.
	private static int firstMatch(String alternatives, String text) {
		Matcher matcher = Pattern.compile("(?iU)(?<![\\p{L}\\p{N}])(?:" + alternatives + ")").matcher(text);
		return matcher.find() ? matcher.start() : -1;
	}

}
