package se.trygghetskartan.measure;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A measure's public timeline: each status it has had, from when, with the planners' note to residents. */
@IntegrationTest
class MeasureTimelineIT extends ApiTest {

	static String measure(String title, String status, String extra) {
		return """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2290,58.9968]},"properties":{"title":"%s",
				"type":"lighting","owner":"municipality","status":"%s"%s}}""".formatted(title, status, extra);
	}

	static String etag(Response response) {
		return response.header("ETag");
	}

	@Test
	void everyStatusChangeAndEveryNoteIsOnThePublicTimelineWithItsDayAndNoName() {
		Response created = planner.post("/api/measures",
				measure("Belysning vid tidslinjestigen", "proposed", ",\"statusNote\":\"Föreslogs av boende.\""));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String location = created.header("Location");
		Response planned = planner.put(location, measure("Belysning vid tidslinjestigen", "planned",
				",\"statusNote\":\"Beställd av Tekniska förvaltningen.\",\"statusChangedOn\":\"2026-05-03\""), etag(created));
		assertThat(planned.status()).as(planned.toString()).isEqualTo(200);
		// Another edit, neither a new status nor a note: nothing for the timeline.
		Response retitled = planner.put(location, measure("Belysning vid tidslinjestigen i parken", "planned", ""),
				etag(planned));
		Response noted = planner.put(location, measure("Belysning vid tidslinjestigen i parken", "planned",
				",\"statusNote\":\"Leveransen av stolparna är försenad.\""), etag(retitled));
		Response done = planner.put(location, measure("Belysning vid tidslinjestigen i parken", "done",
				",\"completedOn\":\"2026-09-30\""), etag(noted));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);

		JsonNode props = anonymous.get(location).json().get("properties");

		JsonNode timeline = props.get("statusChanges");
		assertThat(timeline).extracting(change -> change.get("status").stringValue())
			.containsExactly("proposed", "planned", "planned", "done");
		assertThat(timeline).extracting(change -> change.get("on").stringValue())
			.containsExactly(LocalDate.now().toString(), "2026-05-03", LocalDate.now().toString(), "2026-09-30");
		assertThat(timeline).extracting(change -> change.path("note").isNull() ? null : change.get("note").stringValue())
			.containsExactly("Föreslogs av boende.", "Beställd av Tekniska förvaltningen.",
					"Leveransen av stolparna är försenad.", null);
		timeline.forEach(change -> assertThat(change.propertyNames()).containsExactlyInAnyOrder("status", "on", "note"));
		assertThat(props.get("updatedAt").stringValue()).startsWith(LocalDate.now().toString().substring(0, 4));
		assertThat(props.get("updatedBy").isNull()).isTrue();
		assertThat(anonymous.get(location).body()).doesNotContain("\"planner\"");
		assertThat(anonymous.get("/api/measures?limit=10000").body()).contains("Leveransen av stolparna är försenad.")
			.doesNotContain("\"planner\"");
	}

	@Test
	void aDraftMeasuresNotesNeverReachThePublic() {
		Response created = planner.post("/api/measures", measure("Utkast med en anteckning", "planned",
				",\"published\":false,\"statusNote\":\"Hemlig anteckning om utkastet.\""));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String location = created.header("Location");

		assertThat(anonymous.get(location).status()).isEqualTo(404);
		assertThat(anonymous.get("/api/measures?limit=10000").body()).doesNotContain("Hemlig anteckning om utkastet.");
		assertThat(planner.get(location).json().get("properties").get("statusChanges").get(0).get("note").stringValue())
			.isEqualTo("Hemlig anteckning om utkastet.");
	}

	@Test
	void aStatusFromADayToComeOrANoteTooLongIsRefusedAndNothingChanges() {
		Response created = planner.post("/api/measures", measure("Belysning med framtida datum", "proposed", ""));
		String location = created.header("Location");

		Response future = planner.put(location, measure("Belysning med framtida datum", "planned",
				",\"statusChangedOn\":\"" + LocalDate.now().plusDays(1) + "\""), etag(created));
		Response tooLong = planner.put(location, measure("Belysning med framtida datum", "planned",
				",\"statusNote\":\"" + "x".repeat(1001) + "\""), etag(created));

		assertThat(future.status()).isEqualTo(422);
		assertThat(future.contentType()).startsWith("application/problem+json");
		assertThat(future.body()).contains("properties.statusChangedOn").contains("\"code\":\"status_date_in_future\"");
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.body()).contains("properties.statusNote").contains("\"code\":\"too_long\"")
			.contains("\"max\":1000");
		JsonNode stored = planner.get(location).json().get("properties");
		assertThat(stored.get("status").stringValue()).isEqualTo("proposed");
		assertThat(stored.get("statusChanges")).hasSize(1);
	}

}
