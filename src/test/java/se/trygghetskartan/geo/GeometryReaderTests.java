package se.trygghetskartan.geo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class GeometryReaderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final BoundingBox KATRINEHOLM = new BoundingBox(15.70, 58.75, 16.65, 59.30);

	private static List<Violation> violations(String geometry) {
		GeometryReader reader = new GeometryReader("geometry", GeometryKind.ANY_SIMPLE, 100, KATRINEHOLM);
		Geometry read = reader.read(JSON.readTree(geometry));
		assertThat(read).as("a geometry with violations is not returned").isNull();
		return reader.violations();
	}

	private static Violation only(String geometry) {
		List<Violation> violations = violations(geometry);
		assertThat(violations).hasSize(1);
		return violations.get(0);
	}

	@Test
	void readsAPolygonWithAHoleInLonLatOrder() {
		GeometryReader reader = new GeometryReader("geometry", GeometryKind.ANY_SIMPLE, 100, KATRINEHOLM);
		Geometry polygon = reader.read(JSON.readTree("""
				{"type":"Polygon","coordinates":[
				  [[16.20,58.99],[16.22,58.99],[16.22,59.01],[16.20,59.01],[16.20,58.99]],
				  [[16.205,58.995],[16.21,58.995],[16.21,59.0],[16.205,58.995]]]}"""));
		assertThat(reader.violations()).isEmpty();
		assertThat(polygon.getGeometryType()).isEqualTo("Polygon");
		assertThat(polygon.getSRID()).isEqualTo(4326);
		assertThat(polygon.getCoordinates()[1].x).isEqualTo(16.22);
	}

	@Test
	void rejectsUnclosedRingAndSaysWhereItEnds() {
		Violation violation = only("""
				{"type":"Polygon","coordinates":[[[16.20,58.99],[16.22,58.99],[16.22,59.01],[16.20,59.01]]]}""");
		assertThat(violation.field()).isEqualTo("geometry.coordinates[0]");
		assertThat(violation.reason().code()).isEqualTo("ring_not_closed");
		assertThat(violation.position()).containsExactly(16.20, 59.01);
	}

	@Test
	void rejectsRingWithThreePositions() {
		assertThat(only("""
				{"type":"Polygon","coordinates":[[[16.20,58.99],[16.22,58.99],[16.20,58.99]]]}""").reason())
			.isEqualTo(Reason.of(GeometryError.RING_TOO_SHORT, "count", 3));
	}

	@Test
	void rejectsLineWithOnePoint() {
		assertThat(only("""
				{"type":"LineString","coordinates":[[16.20,58.99]]}""").reason().code()).isEqualTo("line_too_short");
		assertThat(only("""
				{"type":"LineString","coordinates":[[16.20,58.99],[16.20,58.99]]}""").reason().code())
			.isEqualTo("line_too_short");
	}

	@Test
	void recognisesLatitudeLongitudeOrder() {
		Violation violation = only("""
				{"type":"Point","coordinates":[58.99,16.20]}""");
		assertThat(violation.reason().code()).isEqualTo("lat_lon_swapped");
		assertThat(violation.position()).containsExactly(58.99, 16.20);
	}

	@Test
	void rejectsCoordinatesOutsideTheEarth() {
		assertThat(only("""
				{"type":"Point","coordinates":[200,95]}""").reason().code()).isEqualTo("not_lon_lat");
	}

	@Test
	void rejectsNumbersTooLargeForADouble() {
		assertThat(only("""
				{"type":"Point","coordinates":[1e400,58.99]}""").reason().code()).isEqualTo("not_finite");
	}

	@Test
	void rejectsGeometryCollection() {
		assertThat(only("""
				{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[16.2,58.99]}]}""").reason())
			.extracting(Reason::code)
			.isEqualTo("geometry_collection");
	}

	@Test
	void rejectsEmptyCoordinates() {
		assertThat(only("""
				{"type":"Polygon","coordinates":[]}""").reason().code()).isEqualTo("empty_geometry");
		assertThat(only("""
				{"type":"MultiPoint","coordinates":[[]]}""").reason().code()).isEqualTo("not_position");
	}

	@Test
	void rejectsMoreVerticesThanConfigured() {
		StringBuilder line = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
		for (int i = 0; i < 101; i++) {
			line.append(i == 0 ? "" : ",").append("[16.2").append(i).append(",58.99]");
		}
		assertThat(only(line.append("]}").toString()).reason())
			.isEqualTo(Reason.of(GeometryError.TOO_MANY_POSITIONS, "max", 100));
	}

	@Test
	void rejectsTypesOutsideTheAcceptedKind() {
		GeometryReader reader = new GeometryReader("geometry", GeometryKind.AREA, 100, KATRINEHOLM);
		assertThat(reader.read(JSON.readTree("{\"type\":\"Point\",\"coordinates\":[16.2,58.99]}"))).isNull();
		assertThat(reader.violations()).singleElement()
			.extracting(Violation::reason)
			.isEqualTo(Reason.of(GeometryError.WRONG_GEOMETRY_TYPE, "type", "Point", "allowed",
					List.of("MultiPolygon", "Polygon")));
	}

}
