package se.trygghetskartan.geo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureStreamTests {

	final FeatureFiles files = new FeatureFiles(JsonMapper.builder().build(),
			new GeoProperties(List.of(16.0, 58.9, 16.5, 59.2), 0));

	static ByteArrayInputStream body(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

	static final String CRS = "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:3006\"}}";

	static final String FEATURES = """
			"features": [
			 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [569000, 6541500]},
			  "properties": {"name": "A", "reasons": ["traffic", "other"], "published": true, "extra": {"x": 1}}},
			 {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[569000, 6541500], [569010, 6541510]]},
			  "properties": {"name": "B", "count": 3}}]""";

	@Test
	void aGeoJsonFileIsReadFeatureByFeatureWithListsAndBooleansAsText() throws IOException {
		try (FeatureStream stream = files.openGeoJson(body("{\"type\": \"FeatureCollection\", " + CRS + ", " + FEATURES + "}"),
				GeometryKind.ANY_SIMPLE, true)) {
			assertThat(stream.declaredCrs()).as("known before the first feature").isEqualTo("EPSG:3006");
			FileFeature first = stream.next();
			assertThat(first.number()).isEqualTo(1);
			assertThat(first.properties()).containsEntry("reasons", "[\"traffic\",\"other\"]")
				.containsEntry("published", "true")
				.doesNotContainKey("extra");
			assertThat(first.geometry().getGeometryType()).isEqualTo("Point");
			assertThat(stream.propertyNames()).containsExactly("name", "reasons", "published", "extra");
			FileFeature second = stream.next();
			assertThat(second.geometry().getGeometryType()).isEqualTo("LineString");
			assertThat(second.properties()).containsEntry("count", "3");
			assertThat(stream.next()).isNull();
			assertThat(stream.propertyNames()).containsExactly("name", "reasons", "published", "extra", "count");
		}
	}

	@Test
	void aStreamRefusesACrsMemberAfterItsFeaturesWhileDistrictsStillTakeIt() throws IOException {
		String late = "{\"type\": \"FeatureCollection\", " + FEATURES + ", " + CRS + "}";
		try (FeatureStream stream = files.openGeoJson(body(late), GeometryKind.ANY_SIMPLE, true)) {
			stream.next();
			stream.next();
			assertThatThrownBy(stream::next).isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.violations().get(0).reason().code()).isEqualTo("crs_after_features"));
		}
		assertThat(files.readGeoJson(body(late.replace("Point", "Polygon")
			.replace("[569000, 6541500]}", "[[[569000, 6541500], [569010, 6541500], [569010, 6541510], [569000, 6541500]]]}"))
		).declaredCrs()).isEqualTo("EPSG:3006");
	}

	@Test
	void aGeometryOfAnotherKindIsTheFeaturesProblemNotTheFiles() throws IOException {
		try (FeatureStream stream = files.openGeoJson(body("{\"type\": \"FeatureCollection\", " + FEATURES + "}"),
				GeometryKind.AREA, true)) {
			FileFeature point = stream.next();
			assertThat(point.geometry()).isNull();
			assertThat(point.problem().code()).isEqualTo("wrong_geometry_type");
		}
	}

}
