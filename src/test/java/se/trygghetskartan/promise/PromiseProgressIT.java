package se.trygghetskartan.promise;

import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Progress arithmetic on real PostGIS, in periods of its own so the demo data stays out. */
@IntegrationTest
class PromiseProgressIT extends ApiTest {

	long promise(int year, String title) {
		Response created = planner.post("/api/promises", """
				{"periodStart":%d,"party":"joint","title":"%s","focusNeighbourhoods":["navertorp"]}"""
			.formatted(year, title), "application/json");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").longValue();
	}

	long commitment(long promise, String target, int weight) {
		Response created = planner.post("/api/commitments", """
				{"promiseId":%d,"party":"joint","text":"Löftespunkt","weight":%d,"target":%s}"""
			.formatted(promise, weight, target), "application/json");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").longValue();
	}

	void activity(String kind, String date, long commitment) {
		String extra = kind.equals("police_operation") ? ",\"operationKind\":\"patrol\"" : "";
		Response created = planner.post("/api/activities", """
				{"type":"Feature","geometry":null,"properties":{"kind":"%s","title":"Aktivitet","startsOn":"%s",
				 "neighbourhoods":["navertorp"],"commitmentIds":[%d]%s}}""".formatted(kind, date, commitment, extra));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	void measure(String status, long commitment) {
		measure(status, commitment, "Åtgärd", true);
	}

	void measure(String status, long commitment, String title, boolean published) {
		String extra = switch (status) {
			case "rejected" -> ",\"rejectionReason\":\"Inte aktuellt\"";
			case "done" -> ",\"completedOn\":\"2025-06-01\"";
			default -> "";
		};
		Response created = planner.post("/api/measures", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2300,58.9990]},"properties":{
				 "title":"%s","type":"lighting","owner":"municipality","status":"%s","commitmentIds":[%d],
				 "published":%s%s}}""".formatted(title, status, commitment, published, extra));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	JsonNode commitmentOf(JsonNode period, long id) {
		for (JsonNode promise : period.get("promises")) {
			for (JsonNode commitment : promise.get("commitments")) {
				if (commitment.get("id").longValue() == id) {
					return commitment;
				}
			}
		}
		throw new AssertionError("no commitment " + id);
	}

	@Test
	void countableTargetsCountHeldActivitiesOfTheRightKindAndCapAtAHundredPercent() {
		long promise = promise(2031, "Räknebara mål");
		long walks = commitment(promise, "{\"count\":2,\"activity\":\"safety_walk\"}", 1);
		activity("safety_walk", "2025-05-01", walks);
		activity("safety_walk", "2099-05-01", walks); // not held yet
		activity("dialogue", "2025-05-02", walks); // another kind

		JsonNode half = commitmentOf(anonymous.get("/api/periods/2031").json(), walks);
		assertThat(half.get("activitiesDone").intValue()).isEqualTo(1);
		assertThat(half.get("progress").doubleValue()).isEqualTo(0.5);

		activity("safety_walk", "2025-09-01", walks);
		activity("safety_walk", "2025-10-01", walks);
		JsonNode more = commitmentOf(anonymous.get("/api/periods/2031").json(), walks);
		assertThat(more.get("activitiesDone").intValue()).isEqualTo(3);
		assertThat(more.get("progress").doubleValue()).isEqualTo(1.0);
	}

	@Test
	void measureCommitmentsCountDoneMeasuresAndLeaveRejectedOnesOut() {
		long promise = promise(2032, "Åtgärder");
		long measures = commitment(promise, "null", 1);
		measure("done", measures);
		measure("done", measures);
		measure("rejected", measures);
		measure("planned", measures);

		JsonNode commitment = commitmentOf(anonymous.get("/api/periods/2032").json(), measures);

		assertThat(commitment.get("measuresDone").intValue()).isEqualTo(2);
		assertThat(commitment.get("measuresCounted").intValue()).isEqualTo(3);
		assertThat(commitment.get("progress").doubleValue()).isCloseTo(2.0 / 3, within(0.0001));
		assertThat(commitment.get("measureIds")).hasSize(4);
	}

	@Test
	void draftMeasuresCountInNoOnesProgressAndOnlyStaffSeeThemLinked() {
		long promise = promise(2038, "Med utkast");
		long measures = commitment(promise, "null", 1);
		measure("done", measures, "Klar och publicerad", true);
		measure("planned", measures, "Planerat utkast", false);

		JsonNode seen = commitmentOf(anonymous.get("/api/periods/2038").json(), measures);
		JsonNode staff = commitmentOf(planner.get("/api/periods/2038").json(), measures);

		assertThat(seen.get("measuresCounted").intValue()).isEqualTo(1);
		assertThat(seen.get("progress").doubleValue()).isEqualTo(1.0);
		assertThat(seen.get("measureIds")).hasSize(1);
		assertThat(anonymous.get("/api/commitments/" + measures).json().get("measureIds")).hasSize(1);
		assertThat(staff.get("progress").doubleValue()).as("the number residents see").isEqualTo(1.0);
		assertThat(staff.get("measureIds")).hasSize(2);
		assertThat(anonymous.get("/api/periods/2038/commitments.csv").body()).contains("Klar och publicerad (done)")
			.doesNotContain("Planerat utkast");
	}

	@Test
	void promisesRollUpTheirCommitmentsByWeightAndPeriodsTheirPromises() {
		long first = promise(2033, "Viktad");
		long walks = commitment(first, "{\"count\":2,\"activity\":\"safety_walk\"}", 1);
		long measures = commitment(first, "null", 3);
		activity("safety_walk", "2025-05-01", walks); // 1 of 2: 0.5
		measure("done", measures);
		measure("planned", measures); // 1 of 2: 0.5 ... then one more done: 2 of 3
		measure("done", measures);
		long second = promise(2033, "Tom");
		commitment(second, "null", 1); // no measures yet: 0

		JsonNode period = anonymous.get("/api/periods/2033").json();

		double firstProgress = (1 * 0.5 + 3 * (2.0 / 3)) / 4;
		JsonNode promises = period.get("promises");
		assertThat(promises.get(0).get("progress").doubleValue()).isCloseTo(firstProgress, within(0.0001));
		assertThat(promises.get(1).get("progress").doubleValue()).isEqualTo(0.0);
		assertThat(period.get("progress").doubleValue()).isCloseTo(firstProgress / 2, within(0.0001));
		assertThat(anonymous.get("/api/periods").json()).anySatisfy(p -> {
			assertThat(p.get("period").stringValue()).isEqualTo("2033");
			assertThat(p.get("promiseCount").intValue()).isEqualTo(2);
		});
	}

	@Test
	void badPromisesAndCommitmentsAreRefusedAndNothingIsStored() {
		long promise = promise(2034, "Giltig");
		long before = count("commitment") + count("promise");

		Response zeroTarget = planner.post("/api/commitments", """
				{"promiseId":%d,"party":"joint","text":"Noll","target":{"count":0,"activity":"safety_walk"}}"""
			.formatted(promise), "application/json");
		Response negativeTarget = planner.post("/api/commitments", """
				{"promiseId":%d,"party":"joint","text":"Minus","target":{"count":-2,"activity":"safety_walk"}}"""
			.formatted(promise), "application/json");
		Response unknownPromise = planner.post("/api/commitments", """
				{"promiseId":999999,"party":"joint","text":"Ingen"}""", "application/json");
		Response backwards = planner.post("/api/promises", """
				{"periodStart":2035,"periodEnd":2034,"party":"police","title":"Baklänges"}""", "application/json");
		Response badParty = planner.post("/api/promises", """
				{"periodStart":2035,"party":"army","title":"Fel part"}""", "application/json");

		assertThat(zeroTarget.status()).isEqualTo(422);
		assertThat(zeroTarget.body()).contains("target.count");
		assertThat(negativeTarget.status()).isEqualTo(422);
		assertThat(unknownPromise.status()).isEqualTo(422);
		assertThat(unknownPromise.json().get("errors").get(0).get("code").stringValue()).isEqualTo("unknown_promise");
		assertThat(unknownPromise.json().get("errors").get(0).get("args").get("id").longValue()).isEqualTo(999999);
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.body()).contains("periodEnd");
		assertThat(badParty.status()).isEqualTo(422);
		assertThat(count("commitment") + count("promise")).isEqualTo(before);
		assertThat(anonymous.get("/api/periods/20x1").status()).isEqualTo(400);
	}

	@Test
	void followUpExportsAsCsvWithProgressAndMeasures() {
		Response csv = anonymous.get("/api/periods/2021/commitments.csv");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).contains("medborgarloften-2021.csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).contains("promise;party;commitment");
		assertThat(lines).hasSize(14);
		assertThat(csv.body()).contains("vid minst två tillfällen genomföra trygghetsvandringar")
			.contains("Nya cykelställ med ramlås vid stationen (done)");
	}

	@Test
	void aCommitmentThatLooksLikeAFormulaIsExportedAsText() throws Exception {
		long promise = promise(2046, "=HYPERLINK(\\\"http://example.com\\\")");
		Response created = planner.post("/api/commitments", """
				{"promiseId":%d,"party":"joint","text":"=1+1"}""".formatted(promise), "application/json");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		Response csv = anonymous.get("/api/periods/2046/commitments.csv");

		assertThat(csv.body()).startsWith("\uFEFFpromise;party;commitment;");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().get()
			.parse(new StringReader(csv.body().substring(1)))
			.getRecords();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("commitment")).isEqualTo("'=1+1");
		assertThat(rows.get(0).get("promise")).isEqualTo("'=HYPERLINK(\"http://example.com\")");
		assertThat(rows.get(0).get("percent")).isEqualTo("0");
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
