package se.trygghetskartan.promise;

import java.util.Set;

import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.FeatureBody.Fields;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;

/**
 * A promise as a client sent it (a plain JSON object), checked field by field; that its focus
 * districts exist is the service's to check.
 */
public record PromiseDraft(int periodStart, int periodEnd, Party party, String title, String body,
		Set<String> focusNeighbourhoods) {

	/** Reads and checks a JSON object; a 422 says what is wrong with it. */
	public static PromiseDraft read(JsonNode json, GeometryService geometries) {
		FeatureBody body = FeatureBody.plain(json, geometries);
		Fields f = body.properties();
		Integer start = f.integer("periodStart", 2000, 2100);
		Integer end = f.integer("periodEnd", 2000, 2100);
		Party party = f.code(Party.class, "party", null);
		String title = f.text("title", true, 300);
		String text = f.text("body", false, 20_000);
		Set<String> focus = f.strings("focusNeighbourhoods", 80);
		if (!f.has("periodStart")) {
			body.reject("periodStart", PromiseError.PERIOD_START_REQUIRED);
		}
		if (start != null && end != null && end < start) {
			body.reject("periodEnd", RequestError.ENDS_BEFORE_START, "start", start);
		}
		body.throwIfInvalid();
		return new PromiseDraft(start, end == null ? start : end, party, title, text, focus);
	}

}
