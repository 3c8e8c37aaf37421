package se.trygghetskartan.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.Reason;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

class GeometryErrorTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Self-intersection                                  | self_intersection
			Self-intersection[16.2305 58.998]                  | self_intersection
			Ring Self-intersection                             | ring_self_intersection
			Hole lies outside shell                            | hole_outside_shell
			Holes are nested                                   | nested_holes
			Interior is disconnected                           | disconnected_interior
			Nested shells                                      | nested_shells
			Duplicate Rings                                    | duplicate_rings
			Too few points in geometry component               | too_few_points
			Invalid Coordinate                                 | invalid_coordinate
			Ring is not closed                                 | ring_not_closed
			Repeated Point                                     | repeated_point
			IllegalArgumentException: Invalid number of points in LinearRing found 3 - must be 0 or >= 4 | too_few_points
			IllegalArgumentException: Points of LinearRing do not form a closed linestring | ring_not_closed
			Topology Validation Error                          | topology_error
			""")
	void everyReasonPostgisGivesHasACode(String postgis, String code) {
		assertThat(GeometryError.ofPostgis(postgis).code()).isEqualTo(code);
	}

	@Test
	void aDefectOfAPositionTheMapMarksIsSaidWithoutItsCoordinates() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		Messages messages = new Messages(source, new AcceptHeaderLocaleResolver());
		Reason marked = Reason.at(GeometryError.SELF_INTERSECTION, new double[] { 16.2305, 58.998 }, "detail",
				"Self-intersection");

		assertThat(messages.text(marked, Messages.SWEDISH)).isEqualTo("Linjerna korsar varandra vid den markerade punkten.");
		assertThat(messages.text(marked, Messages.ENGLISH)).isEqualTo("The lines cross each other at the marked point.");
		assertThat(marked.position()).containsExactly(16.2305, 58.998);
		assertThat(messages.text(Reason.of(GeometryError.SELF_INTERSECTION), Messages.SWEDISH))
			.isEqualTo("Kanterna korsar varandra.");
		assertThat(messages.text(marked, Messages.ENGLISH)).doesNotContain("16.2").doesNotContain("Self-intersection");
	}

}
