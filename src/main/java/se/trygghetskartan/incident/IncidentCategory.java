package se.trygghetskartan.incident;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import se.trygghetskartan.system.Codes;

/**
 * What kind of incident, with its Swedish and English name: the map's texts ({@code category.*} in
 * {@code frontend/js/i18n}) say the same, and police exports use the Swedish names.
 */
public enum IncidentCategory {

	BIKE_THEFT("Cykelstöld", "Bike theft"), VANDALISM("Skadegörelse", "Vandalism"), BURGLARY("Inbrott", "Burglary"),
	THEFT("Stöld", "Theft"), DRUG_OFFENCE("Narkotikabrott", "Drug offence"), ASSAULT("Misshandel", "Assault"),
	ROBBERY("Rån", "Robbery"), HARASSMENT("Ofredande", "Harassment"), DISTURBANCE("Ordningsstörning", "Disturbance"),
	WEAPON("Vapenbrott", "Weapon offence"), TRAFFIC("Trafikbrott", "Traffic offence"), OTHER("Övrigt", "Other");

	private final String swedish;

	private final String english;

	IncidentCategory(String swedish, String english) {
		this.swedish = swedish;
		this.english = english;
	}

	public String swedish() {
		return swedish;
	}

	public String english() {
		return english;
	}

	/** The category a file names by its code or its Swedish or English name, in any case and spacing. */
	public static Optional<IncidentCategory> named(String text) {
		// NFC: a file from a Mac may spell "ö" as "o" and a combining diaeresis.
		String name = Normalizer.normalize(text.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		for (IncidentCategory category : values()) {
			if (Codes.of(category).equals(name) || category.swedish.toLowerCase(Locale.ROOT).equals(name)
					|| category.english.toLowerCase(Locale.ROOT).equals(name)) {
				return Optional.of(category);
			}
		}
		return Optional.empty();
	}

}
