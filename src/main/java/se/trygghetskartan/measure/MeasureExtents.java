package se.trygghetskartan.measure;

import se.trygghetskartan.neighbourhood.DistrictChanged;
import se.trygghetskartan.place.PlaceChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored extents and districts of measures current when what they rest on changes in
 * another module: a place moved or (un)published, a district made or moved. Synchronous listeners,
 * in the writing transaction, so that no reader ever sees a measure where its places no longer are.
 * The measure's own changes and its links are kept by the triggers of its tables.
 */
@Component
class MeasureExtents {

	private final JdbcClient jdbc;

	MeasureExtents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(PlaceChanged event) {
		jdbc.sql("SELECT measure_extent_refresh(ARRAY(SELECT measure_id FROM measure_place WHERE place_id = :id))")
			.param("id", event.placeId())
			.query()
			.singleRow();
	}

	@EventListener
	void on(DistrictChanged event) {
		jdbc.sql("SELECT measure_district_refresh_district(:id)").param("id", event.neighbourhoodId()).query().singleRow();
	}

}
