package se.trygghetskartan.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.Codes;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentCategoryTests {

	static Map<String, String> frontEndNames(String language) throws IOException {
		Matcher entries = Pattern.compile("'category\\.(\\w+)': \"([^\"]*)\"")
			.matcher(Files.readString(Path.of("frontend/js/i18n/" + language + ".js")));
		Map<String, String> names = new TreeMap<>();
		while (entries.find()) {
			names.put(entries.group(1), entries.group(2));
		}
		return names;
	}

	static Map<String, String> javaNames(Function<IncidentCategory, String> name) {
		Map<String, String> names = new TreeMap<>();
		for (IncidentCategory category : IncidentCategory.values()) {
			names.put(Codes.of(category), name.apply(category));
		}
		return names;
	}

	@Test
	void theNamesAreTheOnesTheMapShows() throws IOException {
		assertThat(javaNames(IncidentCategory::swedish)).isEqualTo(frontEndNames("sv"));
		assertThat(javaNames(IncidentCategory::english)).isEqualTo(frontEndNames("en"));
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
