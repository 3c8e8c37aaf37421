package se.trygghetskartan.geo;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClusterGridTests {

	static final BoundingBox TOWN = new BoundingBox(16.18, 58.98, 16.25, 59.02);

	// Web Mercator's x of a longitude, in metres.
	static double x(double lon) {
		return Math.toRadians(lon) * 6_378_137;
	}

	static double y(double lat) {
		return 6_378_137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
	}

	@Test
	void aCellIsSixtyFourPixelsOfTheZoomHalvingWithEachLevelIn() {
		assertThat(ClusterGrid.of(TOWN, 14.0).cellMetres()).isCloseTo(611.5, within(0.1));
		assertThat(ClusterGrid.of(TOWN, 15.0).cellMetres()).isCloseTo(305.7, within(0.1));
		// Half levels (the maps zoom in halves) count in the level's own cells.
		assertThat(ClusterGrid.of(TOWN, 14.5).cellMetres()).isEqualTo(ClusterGrid.of(TOWN, 14.0).cellMetres());
	}

	@Test
	void theViewIsWidenedToWholeCellsOnLinesFixedToTheProjectionsOrigin() {
		ClusterGrid grid = ClusterGrid.of(TOWN, 13.0);
		BoundingBox box = grid.box();

		assertThat(box.minLon()).isLessThanOrEqualTo(TOWN.minLon());
		assertThat(box.minLat()).isLessThanOrEqualTo(TOWN.minLat());
		assertThat(box.maxLon()).isGreaterThanOrEqualTo(TOWN.maxLon());
		assertThat(box.maxLat()).isGreaterThanOrEqualTo(TOWN.maxLat());
		for (double edge : new double[] { x(box.minLon()), x(box.maxLon()), y(box.minLat()), y(box.maxLat()) }) {
			double cells = edge / grid.cellMetres();
			assertThat(cells).isCloseTo(Math.rint(cells), within(1e-6));
		}
		// A view moved a little lies on the same lines: a cell counts the same wherever the view is.
		BoundingBox moved = ClusterGrid.of(new BoundingBox(16.181, 58.981, 16.251, 59.021), 13.0).box();
		double shift = (x(moved.minLon()) - x(box.minLon())) / grid.cellMetres();
		assertThat(shift).isCloseTo(Math.rint(shift), within(1e-6));
	}

	@Test
	void bboxAndZoomAreRequiredAndTheZoomMustBeOneAMapHas() {
		assertThatThrownBy(() -> ClusterGrid.of(null, 12.0)).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("bbox");
		assertThatThrownBy(() -> ClusterGrid.of(TOWN, null)).hasMessageContaining("zoom");
		assertThatThrownBy(() -> ClusterGrid.of(TOWN, -1.0)).hasMessageContaining("out_of_range {min=0, max=24}");
		assertThatThrownBy(() -> ClusterGrid.of(TOWN, 25.0)).hasMessageContaining("out_of_range {min=0, max=24}");
		assertThatThrownBy(() -> ClusterGrid.of(TOWN, Double.NaN)).hasMessageContaining("out_of_range {min=0, max=24}");
	}

	@Test
	void theWholeWorldStaysWithinWebMercatorsLatitudes() {
		BoundingBox box = ClusterGrid.of(new BoundingBox(-180, -90, 180, 90), 0.0).box();

		assertThat(box.minLat()).isGreaterThanOrEqualTo(-85.06);
		assertThat(box.maxLat()).isLessThanOrEqualTo(85.06);
		assertThat(box.minLon()).isEqualTo(-180);
		assertThat(box.maxLon()).isEqualTo(180);
	}

}
