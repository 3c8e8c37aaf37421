package se.trygghetskartan.vocabulary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import se.trygghetskartan.account.Role;
import se.trygghetskartan.activity.ActivityKind;
import se.trygghetskartan.activity.ActivityVocabulary.ParticipantGroup;
import se.trygghetskartan.activity.ActivityVocabulary.Priority;
import se.trygghetskartan.activity.ActivityVocabulary.Responsible;
import se.trygghetskartan.activity.ActivityVocabulary.TimeOfDay;
import se.trygghetskartan.activity.OperationKind;
import se.trygghetskartan.incident.IncidentCategory;
import se.trygghetskartan.measure.MeasureOwner;
import se.trygghetskartan.measure.MeasureStatus;
import se.trygghetskartan.measure.MeasureType;
import se.trygghetskartan.place.PlaceReason;
import se.trygghetskartan.place.PlaceSource;
import se.trygghetskartan.place.PlaceStatus;
import se.trygghetskartan.promise.Party;
import se.trygghetskartan.report.ReportTime;
import se.trygghetskartan.survey.SurveyIndicator;
import se.trygghetskartan.system.Codes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Every closed vocabulary of the API, its codes in the enum's order and each with its label in Swedish
 * and English (and its plural where a page needs one), as one JSON document made at start-up with a
 * strong ETag: the labels and codes change only with a new version of the app.
 */
@Service
public class Vocabularies {

	/** The languages every label is given in. */
	static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("sv"), Locale.forLanguageTag("en"));

	/** The vocabularies by their names in the API, in the order the document lists them. */
	static final Map<String, Class<? extends Enum<?>>> ENUMS = enums();

	/** The vocabularies whose terms have a plural too (a group's heading, a count in running text). */
	static final Set<String> WITH_PLURAL = Set.of("measureStatuses", "activityKinds");

	private final String json;

	private final String etag;

	Vocabularies(MessageSource labels, JsonMapper mapper, List<ExtraTerm> extras) {
		Map<String, List<Map<String, Object>>> document = new LinkedHashMap<>();
		ENUMS.forEach((name, type) -> {
			List<Map<String, Object>> terms = new ArrayList<>();
			for (Enum<?> constant : type.getEnumConstants()) {
				terms.add(term(labels, name, Codes.of(constant)));
			}
			document.put(name, terms);
		});
		for (ExtraTerm extra : extras) {
			List<Map<String, Object>> terms = document.get(extra.vocabulary());
			if (terms == null || terms.stream().anyMatch(term -> term.get("code").equals(extra.code()))) {
				throw new IllegalStateException("An extra term must add a new code to a known vocabulary: " + extra);
			}
			Map<String, Object> term = new LinkedHashMap<>();
			term.put("code", extra.code());
			term.put("label", inEveryLanguage(language -> extra.label().get(language.getLanguage()), extra.toString()));
			terms.add(term);
		}
		this.json = mapper.writeValueAsString(document);
		this.etag = "\"" + sha256(json).substring(0, 20) + "\"";
	}

	/** The document: {@code {"measureTypes": [{"code", "label": {"sv", "en"}}, …], …}}. */
	public String json() {
		return json;
	}

	/** A strong ETag of the document, the same on every instance of one version of the app. */
	public String etag() {
		return etag;
	}

	private static Map<String, Object> term(MessageSource labels, String vocabulary, String code) {
		String key = vocabulary + "." + code;
		Map<String, Object> term = new LinkedHashMap<>();
		term.put("code", code);
		term.put("label", inEveryLanguage(language -> labels.getMessage(key, null, null, language), key));
		if (WITH_PLURAL.contains(vocabulary)) {
			term.put("plural", inEveryLanguage(language -> labels.getMessage(key + ".plural", null, null, language),
					key + ".plural"));
		}
		return term;
	}

	// A label missing in either language stops the start: a page would otherwise show a bare code.
	private static Map<String, String> inEveryLanguage(Function<Locale, String> label, String what) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (Locale language : LANGUAGES) {
			String text = label.apply(language);
			if (text == null || text.isBlank()) {
				throw new IllegalStateException("No " + language.getLanguage() + " label for " + what
						+ " in vocabulary_" + language.getLanguage() + ".properties");
			}
			texts.put(language.getLanguage(), text);
		}
		return texts;
	}

	private static Map<String, Class<? extends Enum<?>>> enums() {
		Map<String, Class<? extends Enum<?>>> enums = new LinkedHashMap<>();
		enums.put("placeReasons", PlaceReason.class);
		enums.put("placeSources", PlaceSource.class);
		enums.put("placeStatuses", PlaceStatus.class);
		enums.put("measureTypes", MeasureType.class);
		enums.put("measureOwners", MeasureOwner.class);
		enums.put("measureStatuses", MeasureStatus.class);
		enums.put("activityKinds", ActivityKind.class);
		enums.put("operationKinds", OperationKind.class);
		enums.put("timesOfDay", TimeOfDay.class);
		enums.put("reportTimes", ReportTime.class);
		enums.put("participantGroups", ParticipantGroup.class);
		enums.put("responsibleParties", Responsible.class);
		enums.put("priorities", Priority.class);
		enums.put("parties", Party.class);
		enums.put("incidentCategories", IncidentCategory.class);
		enums.put("surveyIndicators", SurveyIndicator.class);
		enums.put("roles", Role.class);
		return Collections.unmodifiableMap(enums);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
