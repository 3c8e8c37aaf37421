package se.trygghetskartan.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeometryOutputTests {

	private static final String SQL = "json_build_object('geometry', ST_AsGeoJSON(p.geom, 7)::json, "
			+ "'own', ST_AsGeoJSON(m.reader_extent, 6)::json)";

	@Test
	void leavesTheSqlAloneWhenNoReadAsksForAnotherCrs() {
		assertThat(GeometryOutput.rewrite(SQL)).isEqualTo(SQL);
	}

	@Test
	void transformsAndFlipsEveryGeometryTheSqlWritesWhileAReadAsksForSweref99Tm() {
		String rewritten = new GeometryOutput(3006, true, 3).read(() -> GeometryOutput.rewrite(SQL));

		assertThat(rewritten).isEqualTo("json_build_object('geometry', ST_AsGeoJSON(ST_FlipCoordinates(ST_Transform("
				+ "p.geom, 3006)), 3, 0)::json, 'own', ST_AsGeoJSON(ST_FlipCoordinates(ST_Transform(m.reader_extent, "
				+ "3006)), 3, 0)::json)");
		assertThat(GeometryOutput.rewrite(SQL)).as("after the read").isEqualTo(SQL);
	}

	@Test
	void latitudeFirstInWgs84OnlyFlipsTheAxes() {
		assertThat(new GeometryOutput(4326, true, 7).read(() -> GeometryOutput.rewrite("ST_AsGeoJSON(cell, 6)")))
			.isEqualTo("ST_AsGeoJSON(ST_FlipCoordinates(cell), 7, 0)");
	}

}
