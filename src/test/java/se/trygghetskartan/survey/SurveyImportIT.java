package se.trygghetskartan.survey;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SurveyImportIT extends ApiTest {

	@Test
	void goodLinesAreStoredAndEachBadLineIsReportedWithItsNumberAndReason() {
		String csv = """
				district;year;indicator;value;respondents
				Norr;2030;unsafe_outdoors_night;21,5;180
				norr;2030;safety_index;66;180
				atlantis;2030;safety_index;50;100
				norr;20x0;safety_index;50;100
				norr;2030;happiness;50;100
				norr;2030;exposed_to_crime;150;100
				norr;2030;worried_about_crime;abc;100
				norr;2030;unsafe_outdoors_night;22;180

				norr;2030;exposed_to_crime;12,5;12
				""";

		Response response = planner.post("/api/survey-results", csv, "text/csv");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.get("lines").intValue()).isEqualTo(9);
		assertThat(report.get("imported").intValue()).isEqualTo(3);
		assertThat(report.get("rejected")).extracting(r -> r.get("line").intValue()).containsExactly(4, 5, 6, 7, 8, 9);
		assertThat(report.get("rejected")).extracting(r -> r.get("code").stringValue())
			.containsExactly("unknown_district", "not_a_year", "unknown_indicator", "not_a_share", "cell_not_number",
					"duplicate_line");
		assertThat(report.get("rejected")).extracting(r -> r.get("reason").stringValue())
			.containsExactly("Okänd stadsdel ”atlantis”.", "”20x0” är inget år.",
					"Indikatorn ”happiness” är inte någon av unsafe_outdoors_night, safety_index, exposed_to_crime, worried_about_crime.",
					"Värdet 150 är ingen andel mellan 0 och 100 %.", "”abc” i kolumnen value är inget tal.",
					"Samma stadsdel, år och indikator som rad 2.");

		JsonNode results = new ApiClient(port).get("/api/survey-results?neighbourhood=norr").json();
		JsonNode uncertain = null;
		for (JsonNode result : results.get("results")) {
			if (result.get("year").intValue() == 2030 && result.get("indicator").stringValue().equals("exposed_to_crime")) {
				uncertain = result;
			}
		}
		assertThat(uncertain).isNotNull();
		assertThat(uncertain.get("value").doubleValue()).isEqualTo(12.5);
		assertThat(uncertain.get("uncertain").booleanValue()).as("12 respondents are too few").isTrue();
	}

	@Test
	void importingAgainReplacesValuesInsteadOfAddingRows() {
		String csv = "district,year,indicator,value,respondents\ncentrum,2031,safety_index,60.5,200\n";
		planner.post("/api/survey-results", csv, "text/csv");
		long before = jdbc.sql("SELECT count(*) FROM survey_result").query(Long.class).single();

		Response again = planner.post("/api/survey-results", csv.replace("60.5", "62"), "text/csv");

		assertThat(again.json().get("imported").intValue()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM survey_result").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT value FROM survey_result WHERE neighbourhood = 'centrum' AND year = 2031")
			.query(Double.class)
			.single()).isEqualTo(62.0);
	}

	@Test
	void aFileWithoutTheNeededColumnsIsRefused() {
		Response response = planner.post("/api/survey-results", "name;score\nnorr;5\n", "text/csv");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("code").stringValue()).isEqualTo("missing_column");
		assertThat(response.json().get("errors").get(0).get("reason").stringValue())
			.isEqualTo("Rubrikraden saknar kolumnen ”district”; filen behöver district, year, indicator, value.");
		assertThat(new ApiClient(port).post("/api/survey-results", "x", "text/csv").status()).isEqualTo(401);
	}

	@Test
	void theExampleFileInTheRepositoryImportsWithoutRejections() throws Exception {
		String example = java.nio.file.Files.readString(java.nio.file.Path.of("db/demo/survey-results.csv"));

		JsonNode report = planner.post("/api/survey-results", example, "text/csv").json();

		assertThat(report.get("rejected")).isEmpty();
		assertThat(report.get("imported").intValue()).isEqualTo(60);
	}

	@Test
	void aWindows1252FileNamedByItsContentTypeImportsSwedishDistrictNames() {
		byte[] csv = "district;year;indicator;value;respondents\r\nNävertorp;2034;safety_index;61,5;150\r\n"
			.getBytes(Charset.forName("windows-1252"));

		Response response = planner.post("/api/survey-results", csv, "text/csv; charset=windows-1252");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("imported").intValue()).as(response.toString()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT value FROM survey_result WHERE neighbourhood = 'navertorp' AND year = 2034")
			.query(Double.class)
			.single()).isEqualTo(61.5);
	}

	@Test
	void bytesThatAreNotUtf8MakeARejectedLineNotAReplacementCharacter() {
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		csv.writeBytes("district;year;indicator;value;respondents\nnorr;2035;safety_index;60;150\n".getBytes(StandardCharsets.UTF_8));
		csv.writeBytes("Nävertorp;2035;safety_index;61;150\n".getBytes(Charset.forName("windows-1252")));
		byte[] header = "stadsdel;år;indicator;value\n".getBytes(Charset.forName("windows-1252"));

		Response response = planner.post("/api/survey-results", csv.toByteArray(), "text/csv");
		Response badHeader = planner.post("/api/survey-results", header, "text/csv");
		Response unknown = planner.post("/api/survey-results?charset=klingon", header, "text/csv");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.get("imported").intValue()).isEqualTo(1);
		assertThat(report.get("rejectedLines").intValue()).isEqualTo(1);
		assertThat(report.get("rejected").get(0).get("line").intValue()).isEqualTo(3);
		assertThat(report.get("rejected").get(0).get("code").stringValue()).isEqualTo("line_undecodable");
		assertThat(report.get("rejected").get(0).get("reason").stringValue()).contains("inte giltig UTF-8")
			.doesNotContain("\uFFFD");
		assertThat(badHeader.status()).isEqualTo(400);
		assertThat(badHeader.body()).contains("\"code\":\"header_undecodable\"");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("\"code\":\"unknown_charset\"");
	}

	@Test
	void aRejectedCellIsRepeatedOnlyInPart() {
		String csv = "district;year;indicator;value\n" + "y".repeat(500_000) + ";2036;safety_index;60\n";

		JsonNode report = planner.post("/api/survey-results", csv, "text/csv").json();

		assertThat(report.get("rejected").get(0).get("reason").stringValue())
			.isEqualTo("Okänd stadsdel ”" + "y".repeat(99) + "…”.");
	}

}
