package se.trygghetskartan.vocabulary;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.account.Role;
import se.trygghetskartan.activity.ActivityKind;
import se.trygghetskartan.activity.ActivityVocabulary;
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
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/vocabularies: every closed vocabulary, in both languages, public and revalidated by ETag. */
@IntegrationTest
class VocabularyApiIT {

	/** What the API must serve: each vocabulary's name and the enum whose codes it lists. */
	static final Map<String, Class<? extends Enum<?>>> EXPECTED = new LinkedHashMap<>();

	static {
		EXPECTED.put("placeReasons", PlaceReason.class);
		EXPECTED.put("placeSources", PlaceSource.class);
		EXPECTED.put("placeStatuses", PlaceStatus.class);
		EXPECTED.put("measureTypes", MeasureType.class);
		EXPECTED.put("measureOwners", MeasureOwner.class);
		EXPECTED.put("measureStatuses", MeasureStatus.class);
		EXPECTED.put("activityKinds", ActivityKind.class);
		EXPECTED.put("operationKinds", OperationKind.class);
		EXPECTED.put("timesOfDay", ActivityVocabulary.TimeOfDay.class);
		EXPECTED.put("reportTimes", ReportTime.class);
		EXPECTED.put("participantGroups", ActivityVocabulary.ParticipantGroup.class);
		EXPECTED.put("responsibleParties", ActivityVocabulary.Responsible.class);
		EXPECTED.put("priorities", ActivityVocabulary.Priority.class);
		EXPECTED.put("parties", Party.class);
		EXPECTED.put("incidentCategories", IncidentCategory.class);
		EXPECTED.put("surveyIndicators", SurveyIndicator.class);
		EXPECTED.put("roles", Role.class);
	}

	@LocalServerPort
	int port;

	static List<String> codes(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Codes::of).toList();
	}

	static List<String> served(JsonNode terms, String field) {
		List<String> values = new ArrayList<>();
		terms.forEach(term -> values.add(field.isEmpty() ? term.get("code").stringValue() : term.at(field).stringValue()));
		return values;
	}

	@Test
	void everyVocabularyIsServedWithItsEnumsCodesInOrderAndALabelInSwedishAndEnglishForEach() {
		Response response = new ApiClient(port).get("/api/vocabularies");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode vocabularies = response.json();
		assertThat(vocabularies.propertyNames()).containsExactlyElementsOf(EXPECTED.keySet());
		EXPECTED.forEach((name, type) -> {
			JsonNode terms = vocabularies.get(name);
			assertThat(served(terms, "")).as(name).containsExactlyElementsOf(codes(type));
			terms.forEach(term -> {
				assertThat(term.at("/label/sv").stringValue()).as(name + " sv").isNotBlank();
				assertThat(term.at("/label/en").stringValue()).as(name + " en").isNotBlank();
				assertThat(term.at("/label/sv").stringValue()).as(name + " sv").isNotEqualTo(term.get("code").stringValue());
			});
		});
	}

	@Test
	void theLabelsAreThePagesSwedishAndEnglishWithPluralsWhereAPageCountsOrGroups() {
		JsonNode vocabularies = new ApiClient(port).get("/api/vocabularies").json();

		assertThat(served(vocabularies.get("measureTypes"), "/label/sv")).startsWith("Belysning", "Växtlighet",
				"Kamerabevakning");
		assertThat(served(vocabularies.get("measureTypes"), "/label/en")).startsWith("Lighting", "Vegetation");
		assertThat(served(vocabularies.get("placeReasons"), "/label/sv")).startsWith("Dålig belysning");
		assertThat(served(vocabularies.get("incidentCategories"), "/label/en")).startsWith("Bike theft");
		assertThat(served(vocabularies.get("measureStatuses"), "/plural/sv")).containsExactly("föreslagna", "planerade",
				"pågående", "genomförda", "avslagna");
		assertThat(served(vocabularies.get("activityKinds"), "/plural/en")).containsExactly("safety walks", "dialogues",
				"police operations");
		assertThat(vocabularies.get("measureTypes").get(0).has("plural")).isFalse();
	}

	@Test
	void aBrowserKeepsItAndRevalidatesItWithItsStrongETagGetting304WhileItIsTheSame() {
		ApiClient anonymous = new ApiClient(port);
		Response first = anonymous.get("/api/vocabularies");
		String etag = first.header("ETag");

		assertThat(etag).matches("\"[0-9a-f]+\"");
		assertThat(first.header("Cache-Control")).contains("no-cache").doesNotContain("no-store");
		assertThat(anonymous.get("/api/vocabularies").header("ETag")).isEqualTo(etag);

		Response revalidated = anonymous.send(anonymous.request("/api/vocabularies").header("If-None-Match", etag).GET());
		assertThat(revalidated.status()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		assertThat(revalidated.header("ETag")).isEqualTo(etag);

		HttpRequest.Builder stale = anonymous.request("/api/vocabularies").header("If-None-Match", "\"0\"").GET();
		assertThat(anonymous.send(stale).status()).isEqualTo(200);
	}

}
