package se.trygghetskartan.place;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad place gets a 4xx problem naming what is wrong, and nothing is stored. */
@IntegrationTest
class PlaceValidationIT extends ApiTest {

	static String feature(String geometry) {
		return """
				{"type":"Feature","geometry":%s,
				 "properties":{"name":"Test","reasons":["poor_lighting"],"source":"resident"}}""".formatted(geometry);
	}

	static String feature(String geometry, String properties) {
		return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + properties + "}";
	}

	static final String POINT = "{\"type\":\"Point\",\"coordinates\":[16.23,58.998]}";

	static String line(int vertices) {
		StringBuilder line = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
		for (int i = 0; i < vertices; i++) {
			line.append(i == 0 ? "" : ",").append("[16.2").append(i % 10).append(",58.9").append(i % 7).append(']');
		}
		return line.append("]}").toString();
	}

	static Stream<Arguments> badPlaces() {
		return Stream.of(
				Arguments.of("self-intersecting polygon", feature("""
						{"type":"Polygon","coordinates":[[[16.23,58.997],[16.232,58.999],[16.232,58.997],[16.23,58.999],[16.23,58.997]]]}"""),
						422, "self_intersection"),
				Arguments.of("unclosed ring", feature("""
						{"type":"Polygon","coordinates":[[[16.23,58.997],[16.232,58.997],[16.232,58.999],[16.23,58.999]]]}"""),
						422, "ring_not_closed"),
				Arguments.of("ring with three positions", feature("""
						{"type":"Polygon","coordinates":[[[16.23,58.997],[16.232,58.997],[16.23,58.997]]]}"""),
						422, "ring_too_short"),
				Arguments.of("one-point line", feature("""
						{"type":"LineString","coordinates":[[16.23,58.997]]}"""), 422, "line_too_short"),
				Arguments.of("coordinates as [lat, lon]", feature("""
						{"type":"Point","coordinates":[58.998,16.23]}"""), 422, "lat_lon_swapped"),
				Arguments.of("lon 200 lat 95", feature("""
						{"type":"Point","coordinates":[200,95]}"""), 422, "not_lon_lat"),
				Arguments.of("NaN", feature("""
						{"type":"Point","coordinates":[NaN,58.998]}"""), 400, "unreadable_json"),
				Arguments.of("Infinity", feature("""
						{"type":"Point","coordinates":[Infinity,58.998]}"""), 400, "unreadable_json"),
				Arguments.of("1e400", feature("""
						{"type":"Point","coordinates":[1e400,58.998]}"""), 422, "not_finite"),
				Arguments.of("GeometryCollection", feature("""
						{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[16.23,58.998]}]}"""),
						422, "geometry_collection"),
				Arguments.of("empty coordinates", feature("""
						{"type":"Polygon","coordinates":[]}"""), 422, "empty_geometry"),
				Arguments.of("no geometry", feature("null"), 422, "geometry_required"),
				Arguments.of("20 000 vertices", feature(line(20_000)), 422, "too_many_positions"),
				Arguments.of("100 000 vertices", feature(line(100_000)), 413, "payload_too_large"),
				Arguments.of("body over 1 MB", feature(POINT, "{\"name\":\"x\",\"reasons\":[\"other\"],\"source\":\"other\","
						+ "\"description\":\"" + "a".repeat(1_100_000) + "\"}"), 413, "payload_too_large"),
				Arguments.of("missing name", feature(POINT, "{\"reasons\":[\"other\"],\"source\":\"other\"}"), 422,
						"required"),
				Arguments.of("blank name", feature(POINT, "{\"name\":\"  \",\"reasons\":[\"other\"],\"source\":\"other\"}"),
						422, "blank"),
				Arguments.of("unknown reason", feature(POINT, "{\"name\":\"x\",\"reasons\":[\"dark\"],\"source\":\"other\"}"),
						422, "not_one_of"),
				Arguments.of("unknown status",
						feature(POINT, "{\"name\":\"x\",\"reasons\":[\"other\"],\"source\":\"other\",\"status\":\"closed\"}"),
						422, "not_one_of"),
				Arguments.of("no reasons", feature(POINT, "{\"name\":\"x\",\"reasons\":[],\"source\":\"other\"}"), 422,
						"none_chosen"),
				Arguments.of("not a Feature", "{\"type\":\"Point\",\"coordinates\":[16.23,58.998]}", 422, "not_feature_type"),
				Arguments.of("a JSON array", "[1,2]", 422, "not_feature"),
				Arguments.of("malformed JSON", "{\"type\":\"Feature\",", 400, "unreadable_json"),
				Arguments.of("empty body", "", 400, "unreadable_json"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badPlaces")
	void badPlaceIsRefusedWithAProblemAndNothingIsStored(String what, String body, int status, String code) {
		long before = places();

		Response response = planner.post("/api/places", body);

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"code\":\"" + code + "\"");
		assertThat(places()).isEqualTo(before);
	}

	@Test
	void wrongContentTypeIs415() {
		long before = places();

		Response response = planner.post("/api/places", feature(POINT), "text/plain");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(places()).isEqualTo(before);
	}

	@Test
	void chunkedBodyOverTheLimitIsCutOff() {
		long before = places();
		String big = feature(POINT, "{\"name\":\"x\",\"reasons\":[\"other\"],\"source\":\"other\",\"description\":\""
				+ "b".repeat(1_500_000) + "\"}");
		HttpRequest.BodyPublisher withoutLength = new HttpRequest.BodyPublisher() {

			private final HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofString(big);

			@Override
			public long contentLength() {
				return -1;
			}

			@Override
			public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
				inner.subscribe(subscriber);
			}
		};

		Response response = planner.send(planner.request("/api/places")
			.header("Content-Type", "application/geo+json")
			.POST(withoutLength));

		assertThat(response.status()).isEqualTo(413);
		assertThat(places()).isEqualTo(before);
	}

	@Test
	void invalidUpdateLeavesTheStoredPlaceAsItWas() {
		String location = planner.post("/api/places", PlaceApiIT.polygonInNavertorp("Orörd")).header("Location");

		Response response = planner.put(location, feature("""
				{"type":"Point","coordinates":[58.998,16.23]}"""), "\"0\"");

		assertThat(response.status()).isEqualTo(422);
		Response stored = planner.get(location);
		assertThat(stored.header("ETag")).isEqualTo("\"0\"");
		assertThat(stored.json().get("geometry").get("type").stringValue()).isEqualTo("Polygon");
	}

	private long places() {
		return jdbc.sql("SELECT count(*) FROM unsafe_place").query(Long.class).single();
	}

}
