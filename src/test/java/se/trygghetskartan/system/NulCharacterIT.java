package se.trygghetskartan.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL character (PostgreSQL cannot store it in text) anywhere in a request is refused with 400
 * before anything reaches the database, and costs the log one line, not a stack trace.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NulCharacterIT extends ApiTest {

	static final String REASON = "Innehåller ett otillåtet tecken (NUL).";

	@Test
	void aNulInAQueryParameterIs400AndOneLogLine(CapturedOutput output) {
		int before = output.length();

		Response response = anonymous.get("/api/places?neighbourhood=%00");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo("neighbourhood");
		assertThat(response.json().get("errors").get(0).get("reason").stringValue()).isEqualTo(REASON);
		assertThat(response.body()).doesNotContain("UTF8").doesNotContain("0x00");
		String logged = output.toString().substring(before);
		assertThat(logged.lines().filter(line -> !line.isBlank())).hasSizeLessThanOrEqualTo(1);
		assertThat(logged).doesNotContain("\tat ");
	}

	@Test
	void aNulInAParameterNameOrThePathIs400() {
		for (String path : List.of("/api/places?status%00=open", "/api/places/1%00", "/api/neighbourhoods/norr%00")) {
			Response response = anonymous.get(path);

			assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(response.body()).as(path).contains("NUL");
		}
	}

	@Test
	void aNulInAJsonStringIs400AndStoresNothing(CapturedOutput output) {
		int before = output.length();
		String body = """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2065,58.9960]},
				 "properties":{"name":"NUL\\u0000test","reasons":["other"],"source":"other"}}""";

		Response response = anonymous.as("planner", "planner").post("/api/places", body);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo("properties.name");
		assertThat(response.json().get("errors").get(0).get("reason").stringValue()).isEqualTo(REASON);
		assertThat(jdbc.sql("SELECT count(*) FROM unsafe_place WHERE name LIKE 'NUL%'").query(Long.class).single())
			.isZero();
		assertThat(output.toString().substring(before)).doesNotContain("\tat ");
	}

	@Test
	void aNulDeepInsideAJsonBodyIsNamedByItsPath() {
		String body = """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2065,58.9960]},
				 "properties":{"name":"NUL-test","reasons":["other","\\u0000"],"source":"other"}}""";

		Response response = anonymous.as("planner", "planner").post("/api/places", body);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").stringValue())
			.isEqualTo("properties.reasons[1]");
	}

	@Test
	void aNulInTheLoginFormIs400() {
		Response response = anonymous.post("/login", "username=planner%00&password=planner",
				"application/x-www-form-urlencoded");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo("username");
	}

}
