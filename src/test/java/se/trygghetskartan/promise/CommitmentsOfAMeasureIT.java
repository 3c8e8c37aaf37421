package se.trygghetskartan.promise;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What a measure's page links to: the commitments it fulfils, with their promises and periods. */
@IntegrationTest
class CommitmentsOfAMeasureIT extends ApiTest {

	long measure(String title, boolean published, long... commitments) {
		StringBuilder ids = new StringBuilder();
		for (long id : commitments) {
			ids.append(ids.isEmpty() ? "" : ",").append(id);
		}
		return created(planner.post("/api/measures", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2310,58.9990]},"properties":{
				 "title":"%s","type":"lighting","owner":"municipality","status":"planned","commitmentIds":[%s],
				 "published":%s}}""".formatted(title, ids, published)));
	}

	@Test
	void aMeasureNamesTheCommitmentsItFulfilsWithTheirPromisesAndPeriodsNewestPeriodFirst() {
		long older = created(planner.post("/api/promises",
				"{\"periodStart\":2051,\"party\":\"joint\",\"title\":\"Löfte 2051\"}", "application/json"));
		long newer = created(planner.post("/api/promises",
				"{\"periodStart\":2052,\"periodEnd\":2053,\"party\":\"police\",\"title\":\"Löfte 2052–2053\"}",
				"application/json"));
		long lighting = created(planner.post("/api/commitments",
				"{\"promiseId\":%d,\"party\":\"municipality\",\"text\":\"förbättra belysningen\"}".formatted(older),
				"application/json"));
		long patrols = created(planner.post("/api/commitments",
				"{\"promiseId\":%d,\"party\":\"police\",\"text\":\"öka patrulleringen\"}".formatted(newer),
				"application/json"));
		long measure = measure("Belysning som uppfyller två löften", true, lighting, patrols);

		JsonNode commitments = anonymous.get("/api/measures/" + measure + "/commitments").json();

		assertThat(commitments).extracting(c -> c.get("id").longValue()).containsExactly(patrols, lighting);
		JsonNode first = commitments.get(0);
		assertThat(first.get("text").stringValue()).isEqualTo("öka patrulleringen");
		assertThat(first.get("promiseId").longValue()).isEqualTo(newer);
		assertThat(first.get("promiseTitle").stringValue()).isEqualTo("Löfte 2052–2053");
		assertThat(first.get("period").stringValue()).isEqualTo("2052-2053");
		assertThat(commitments.get(1).get("period").stringValue()).isEqualTo("2051");
		assertThat(anonymous.get("/api/measures/" + measure + "/commitments").body()).doesNotContain("planner");
	}

	@Test
	void aDraftMeasuresCommitmentsAreForStaffOnlyAndAnUnknownMeasureIsNotFound() {
		long promise = created(planner.post("/api/promises",
				"{\"periodStart\":2054,\"party\":\"joint\",\"title\":\"Löfte 2054\"}", "application/json"));
		long commitment = created(planner.post("/api/commitments",
				"{\"promiseId\":%d,\"party\":\"joint\",\"text\":\"sätta in åtgärder\"}".formatted(promise),
				"application/json"));
		long draft = measure("Utkast som uppfyller ett löfte", false, commitment);

		Response hidden = anonymous.get("/api/measures/" + draft + "/commitments");
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.contentType()).startsWith("application/problem+json");
		assertThat(hidden.body()).doesNotContain("sätta in åtgärder");
		assertThat(planner.get("/api/measures/" + draft + "/commitments").json()).hasSize(1);
		assertThat(anonymous.get("/api/measures/999999/commitments").status()).isEqualTo(404);
		Response wrong = anonymous.get("/api/measures/sju/commitments");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.contentType()).startsWith("application/problem+json");
	}

}
