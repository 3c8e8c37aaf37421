package se.trygghetskartan.place;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * What is wrong with a place comes as codes with their arguments, and as words in the language the
 * request asks for: Swedish unless it asks for English.
 */
@IntegrationTest
class PlaceErrorLanguageIT extends ApiTest {

	// A name one character too long, and a bow tie whose edges cross at [16.231, 58.998].
	static final String PLACE = """
			{"type":"Feature",
			 "geometry":{"type":"Polygon","coordinates":[[[16.23,58.997],[16.232,58.999],[16.232,58.997],[16.23,58.999],[16.23,58.997]]]},
			 "properties":{"name":"%s","reasons":["poor_lighting"],"source":"resident"}}""".formatted("x".repeat(201));

	static final Map<String, String> SWEDISH = Map.of("name", "Högst 200 tecken.", "geometry",
			"Linjerna korsar varandra vid den markerade punkten.", "title", "Felaktigt innehåll");

	static final Map<String, String> ENGLISH = Map.of("name", "At most 200 characters.", "geometry",
			"The lines cross each other at the marked point.", "title", "Invalid content");

	@ParameterizedTest(name = "Accept-Language: {0}")
	@CsvSource(nullValues = "none", value = { "en, en", "en-GB;q=0.9, en", "sv, sv", "sv-SE, sv", "none, sv", "de, sv",
			"'de, en;q=0.5', en" })
	void aTooLongNameAndCrossingEdgesAreSaidInTheLanguageAskedForWithTheirCodes(String asked, String language) {
		long before = jdbc.sql("SELECT count(*) FROM unsafe_place").query(Long.class).single();

		Response response = planner.language(asked).post("/api/places", PLACE);

		Map<String, String> words = language.equals("en") ? ENGLISH : SWEDISH;
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("Content-Language")).isEqualTo(language);
		JsonNode problem = response.json();
		assertThat(problem.get("code").stringValue()).isEqualTo("invalid_content");
		assertThat(problem.get("title").stringValue()).isEqualTo(words.get("title"));
		assertThat(problem.get("errors")).hasSize(2);

		JsonNode name = error(problem, "properties.name");
		assertThat(name.get("code").stringValue()).isEqualTo("too_long");
		assertThat(name.get("args").get("max").intValue()).isEqualTo(200);
		assertThat(name.get("reason").stringValue()).isEqualTo(words.get("name"));

		JsonNode geometry = error(problem, "geometry");
		assertThat(geometry.get("code").stringValue()).isEqualTo("self_intersection");
		JsonNode position = geometry.get("args").get("position");
		assertThat(position.get(0).doubleValue()).isCloseTo(16.231, offset(1e-6));
		assertThat(position.get(1).doubleValue()).isCloseTo(58.998, offset(1e-6));
		assertThat(geometry.get("position")).as("where the map marks it").isEqualTo(position);
		assertThat(geometry.get("reason").stringValue()).isEqualTo(words.get("geometry"));
		assertThat(problem.get("detail").stringValue()).as("the detail is the first reason")
			.isIn(words.get("name"), words.get("geometry"));
		assertThat(jdbc.sql("SELECT count(*) FROM unsafe_place").query(Long.class).single()).isEqualTo(before);
	}

	static JsonNode error(JsonNode problem, String field) {
		for (JsonNode error : problem.get("errors")) {
			if (error.get("field").stringValue().equals(field)) {
				return error;
			}
		}
		throw new AssertionError("no error for " + field + " in " + problem);
	}

}
