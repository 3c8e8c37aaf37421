package se.trygghetskartan.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundleTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	static final Path PAGE_TEXTS = Path.of("frontend/js/i18n");

	// A key of the pages' message files: a quoted name and a colon at the start of a line.
	static final Pattern PAGE_KEY = Pattern.compile("^\\s*(['\"])([^'\"]+)\\1\\s*:", Pattern.MULTILINE);

	@Test
	void everyBundleHasTheSameKeysInSwedishAndEnglish() throws IOException {
		Map<String, Map<String, Set<String>>> bundles = bundles();

		assertThat(bundles).containsKey("messages");
		bundles.forEach((basename, languages) -> {
			assertThat(languages).as(basename + ": its languages").containsKeys("sv", "en");
			Set<String> swedish = languages.get("sv");
			Set<String> english = languages.get("en");
			assertThat(difference(swedish, english)).as(basename + ": keys only in Swedish").isEmpty();
			assertThat(difference(english, swedish)).as(basename + ": keys only in English").isEmpty();
		});
	}

	@Test
	void thePagesHaveTheSameTextsInSwedishAndEnglish() throws IOException {
		Set<String> swedish = pageKeys(PAGE_TEXTS.resolve("sv.js"));
		Set<String> english = pageKeys(PAGE_TEXTS.resolve("en.js"));

		assertThat(swedish).hasSizeGreaterThan(100);
		assertThat(difference(swedish, english)).as("keys only in sv.js").isEmpty();
		assertThat(difference(english, swedish)).as("keys only in en.js").isEmpty();
	}

	@Test
	void everyCodeTheServerCanGiveHasWordsInBothLanguages() throws Exception {
		List<Class<?>> types = errorCodeTypes();
		Map<String, Set<String>> messages = bundles().get("messages");

		assertThat(types).as("the enums of codes, one per module that has its own")
			.contains(RequestError.class)
			.extracting(Class::getSimpleName)
			.contains("GeometryError", "AccountError", "SecurityError", "ActivityError", "MeasureError", "PromiseError",
					"SettingsError", "DistrictError", "IncidentError", "SurveyError");
		Map<String, String> owners = new HashMap<>();
		for (Class<?> type : types) {
			for (Object constant : type.getEnumConstants()) {
				ErrorCode code = (ErrorCode) constant;
				assertThat(owners.put(code.code(), type.getSimpleName())).as("a code of two enums: " + code.code()).isNull();
				List<String> keys = new ArrayList<>(List.of("error." + code.code()));
				if (code.markable()) {
					keys.add("error." + code.code() + ".at");
				}
				for (String language : List.of("sv", "en")) {
					assertThat(messages.get(language)).as(type.getSimpleName() + "." + constant + " in " + language)
						.containsAll(keys);
				}
			}
		}
	}

	@Test
	void everyErrorKeyOfTheBundlesIsACodeTheServerCanGive() throws Exception {
		Set<String> keys = new TreeSet<>();
		for (Class<?> type : errorCodeTypes()) {
			for (Object constant : type.getEnumConstants()) {
				ErrorCode code = (ErrorCode) constant;
				keys.add("error." + code.code());
				if (code.markable()) {
					keys.add("error." + code.code() + ".at");
				}
			}
		}

		Set<String> errors = new TreeSet<>(bundles().get("messages").get("sv"));
		errors.removeIf(key -> !key.startsWith("error."));
		assertThat(difference(errors, keys)).as("words of no code").isEmpty();
	}

	/** Basename, then "sv" / "en", then its keys; a basename's own file is Swedish when it has no "_sv" file and keys. */
	static Map<String, Map<String, Set<String>>> bundles() throws IOException {
		Map<String, Map<String, Set<String>>> files = new TreeMap<>();
		try (Stream<Path> paths = Files.list(RESOURCES)) {
			for (Path path : paths.filter(p -> p.toString().endsWith(".properties")).toList()) {
				String name = path.getFileName().toString().replace(".properties", "");
				Matcher language = Pattern.compile("(.+)_(sv|en)").matcher(name);
				String basename = language.matches() ? language.group(1) : name;
				files.computeIfAbsent(basename, b -> new TreeMap<>()).put(language.matches() ? language.group(2) : "", keys(path));
			}
		}
		Map<String, Map<String, Set<String>>> bundles = new TreeMap<>();
		files.forEach((basename, languages) -> {
			if (languages.keySet().equals(Set.of(""))) {
				return; // not a message bundle (no languages of its own)
			}
			Set<String> base = languages.getOrDefault("", Set.of());
			Map<String, Set<String>> both = new TreeMap<>();
			both.put("sv", languages.containsKey("sv") ? languages.get("sv") : base);
			both.put("en", languages.getOrDefault("en", Set.of()));
			if (!base.isEmpty() && languages.containsKey("sv")) {
				// A default file beside the Swedish one must then say as much as each language does.
				assertThat(base).as(basename + ".properties").containsExactlyInAnyOrderElementsOf(both.get("sv"));
			}
			bundles.put(basename, both);
		});
		return bundles;
	}

	static Set<String> keys(Path properties) throws IOException {
		Properties loaded = new Properties();
		try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
			loaded.load(reader);
		}
		return new TreeSet<>(loaded.stringPropertyNames());
	}

	static Set<String> pageKeys(Path file) throws IOException {
		Set<String> keys = new LinkedHashSet<>();
		Matcher matcher = PAGE_KEY.matcher(Files.readString(file));
		while (matcher.find()) {
			assertThat(keys.add(matcher.group(2))).as(file + " names " + matcher.group(2) + " twice").isTrue();
		}
		return keys;
	}

	/** Every enum of the app that lists codes. */
	static List<Class<?>> errorCodeTypes() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition found : scanner.findCandidateComponents("se.trygghetskartan")) {
			Class<?> type = Class.forName(found.getBeanClassName());
			if (type.isEnum()) {
				types.add(type);
			}
		}
		return types;
	}

	static Set<String> difference(Set<String> these, Set<String> those) {
		Set<String> rest = new TreeSet<>(these);
		rest.removeAll(those);
		return rest;
	}

}
