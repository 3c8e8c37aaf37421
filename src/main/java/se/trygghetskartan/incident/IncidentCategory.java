package se.trygghetskartan.incident;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import se.trygghetskartan.system.Codes;

/**
 * What kind of incident. Its Swedish and English names are its labels in
 * {@code vocabulary_sv.properties} and {@code vocabulary_en.properties} (the names the map shows),
 * and police exports may name a category by either.
 */
public enum IncidentCategory {

	BIKE_THEFT, VANDALISM, BURGLARY, THEFT, DRUG_OFFENCE, ASSAULT, ROBBERY, HARASSMENT, DISTURBANCE, WEAPON, TRAFFIC,
	OTHER;

	private static final Map<String, IncidentCategory> BY_NAME = byName();

	/** The category a file names by its code or its Swedish or English name, in any case and spacing. */
	public static Optional<IncidentCategory> named(String text) {
		return Optional.ofNullable(BY_NAME.get(normalised(text)));
	}

	// NFC: a file from a Mac may spell "ö" as "o" and a combining diaeresis.
	private static String normalised(String text) {
		return Normalizer.normalize(text.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

	private static Map<String, IncidentCategory> byName() {
		Map<String, IncidentCategory> names = new HashMap<>();
		for (String language : new String[] { "sv", "en" }) {
			ResourceBundle labels = ResourceBundle.getBundle("vocabulary", Locale.forLanguageTag(language),
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
			for (IncidentCategory category : values()) {
				names.put(normalised(labels.getString("incidentCategories." + Codes.of(category))), category);
			}
		}
		for (IncidentCategory category : values()) {
			names.put(Codes.of(category), category);
		}
		return Map.copyOf(names);
	}

}
