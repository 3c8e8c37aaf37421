package se.trygghetskartan.place;

import se.trygghetskartan.neighbourhood.DistrictChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each place's districts (place_district) current when a district is made or moved, in the
 * district's transaction. A place's own changes are kept by the table's triggers.
 */
@Component
class PlaceDistricts {

	private final JdbcClient jdbc;

	PlaceDistricts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(DistrictChanged event) {
		jdbc.sql("SELECT place_district_refresh_district(:id)").param("id", event.neighbourhoodId()).query().singleRow();
	}

}
