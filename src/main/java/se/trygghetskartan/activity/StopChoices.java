package se.trygghetskartan.activity;

import java.util.Set;

import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.FeatureBody.Fields;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.measure.MeasureType;
import se.trygghetskartan.place.PlaceReason;
import tools.jackson.databind.JsonNode;

/**
 * What a planner may choose when a walk's stop becomes a place and a measure: the place's name and
 * reasons and the measure's type; each is null (or empty) when left to the stop.
 */
record StopChoices(String name, Set<PlaceReason> reasons, MeasureType measureType) {

	/** Reads a JSON object (none at all chooses nothing); a 422 says what is wrong with it. */
	static StopChoices read(JsonNode body, GeometryService geometries) {
		if (body == null || !body.isObject()) {
			return new StopChoices(null, Set.of(), null);
		}
		FeatureBody choices = FeatureBody.plain(body, geometries);
		Fields f = choices.properties();
		String name = f.text("name", false, 200);
		Set<PlaceReason> reasons = f.has("reasons") ? f.codes(PlaceReason.class, "reasons") : Set.of();
		MeasureType type = f.optionalCode(MeasureType.class, "measureType");
		choices.throwIfInvalid();
		return new StopChoices(name, reasons, type);
	}

}
