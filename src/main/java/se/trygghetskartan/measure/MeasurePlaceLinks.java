package se.trygghetskartan.measure;

import se.trygghetskartan.place.PlaceMeasures;

import org.springframework.stereotype.Component;

/** The measures linked to a place, for the place module, which knows this module only by this. */
@Component
class MeasurePlaceLinks implements PlaceMeasures {

	@Override
	public String measureIds(String placeId) {
		return """
				ARRAY(SELECT mp.measure_id FROM measure_place mp JOIN measure m ON m.id = mp.measure_id
				  WHERE mp.place_id = %s AND (:staff OR m.published) ORDER BY 1)""".formatted(placeId);
	}

}
