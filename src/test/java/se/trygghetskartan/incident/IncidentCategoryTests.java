package se.trygghetskartan.incident;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.Codes;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentCategoryTests {

	@Test
	void everyCategoryIsNamedByItsLabelInEitherLanguageAsTheMapShowsIt() {
		for (String language : new String[] { "sv", "en" }) {
			ResourceBundle labels = ResourceBundle.getBundle("vocabulary", Locale.forLanguageTag(language));
			for (IncidentCategory category : IncidentCategory.values()) {
				assertThat(IncidentCategory.named(labels.getString("incidentCategories." + Codes.of(category))))
					.contains(category);
			}
		}
	}

	@Test
	void aCategoryIsNamedByItsCodeOrItsSwedishOrEnglishNameInAnyCase() {
		assertThat(IncidentCategory.named("bike_theft")).contains(IncidentCategory.BIKE_THEFT);
		assertThat(IncidentCategory.named(" CYKELSTÖLD ")).contains(IncidentCategory.BIKE_THEFT);
		assertThat(IncidentCategory.named("Cykelsto\u0308ld")).as("decomposed ö").contains(IncidentCategory.BIKE_THEFT);
		assertThat(IncidentCategory.named("weapon offence")).contains(IncidentCategory.WEAPON);
		assertThat(IncidentCategory.named("Ordningsstörning")).contains(IncidentCategory.DISTURBANCE);
		assertThat(IncidentCategory.named("cykel")).isEmpty();
	}

}
