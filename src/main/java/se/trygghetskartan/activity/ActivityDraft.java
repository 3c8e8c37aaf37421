package se.trygghetskartan.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import se.trygghetskartan.activity.ActivityVocabulary.ParticipantGroup;
import se.trygghetskartan.activity.ActivityVocabulary.Priority;
import se.trygghetskartan.activity.ActivityVocabulary.Responsible;
import se.trygghetskartan.activity.ActivityVocabulary.TimeOfDay;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.FeatureBody.Fields;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;

/**
 * An activity as a client sent it, checked field by field and against the rules of its kind. That
 * the districts, commitments, places and measures it names exist is the service's to check.
 */
public record ActivityDraft(ActivityKind kind, String title, String description, LocalDate startsOn, LocalDate endsOn,
		TimeOfDay timeOfDay, String format, OperationKind operationKind, boolean published, Geometry geometry,
		Map<ParticipantGroup, Integer> participants, Set<String> neighbourhoods, Set<Long> commitmentIds,
		Set<Long> placeIds, Set<Long> measureIds, List<Stop> stops) {

	/**
	 * One stop of a safety walk; {@code placeId} and {@code measureId} (what became of it: a place
	 * already on the map, a measure) are null when the client left them out, which keeps them as they are.
	 */
	record Stop(Long id, Point point, String unsafe, String safe, String proposedMeasure, Responsible responsible,
			Priority priority, LocalDate deadline, Long placeId, Long measureId) {
	}

	/** Reads and checks a Feature; a 422 says what is wrong with it. */
	public static ActivityDraft read(JsonNode body, GeometryService geometries) {
		FeatureBody feature = new FeatureBody(body, geometries);
		Fields p = feature.properties();
		ActivityKind kind = p.code(ActivityKind.class, "kind", null);
		String title = p.text("title", true, 300);
		String description = p.text("description", false, 20_000);
		LocalDate startsOn = p.date("startsOn");
		LocalDate endsOn = p.date("endsOn");
		TimeOfDay timeOfDay = p.optionalCode(TimeOfDay.class, "timeOfDay");
		String format = p.text("format", false, 200);
		OperationKind operationKind = p.optionalCode(OperationKind.class, "operationKind");
		boolean published = p.bool("published");
		Map<ParticipantGroup, Integer> participants = p.counts(ParticipantGroup.class, "participants");
		Set<String> neighbourhoods = p.strings("neighbourhoods", 80);
		Set<Long> commitmentIds = p.ids("commitmentIds");
		Set<Long> placeIds = p.ids("placeIds");
		Set<Long> measureIds = p.ids("measureIds");
		Geometry geometry = null;
		List<Stop> stops = new ArrayList<>();

		if (absent(body, "startsOn")) {
			feature.reject(p.path("startsOn"), RequestError.REQUIRED);
		}
		if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
			feature.reject(p.path("endsOn"), RequestError.ENDS_BEFORE_START, "start", startsOn.toString());
		}
		if (kind == ActivityKind.SAFETY_WALK) {
			geometry = feature.geometry(GeometryKind.LINE, false);
			for (Fields stop : p.objects("stops")) {
				stops.add(new Stop(stop.id(), (Point) stop.geometry("geometry", GeometryKind.POINT, true),
						stop.text("unsafe", false, 5_000), stop.text("safe", false, 5_000),
						stop.text("proposedMeasure", false, 1_000), stop.optionalCode(Responsible.class, "responsible"),
						stop.optionalCode(Priority.class, "priority"), stop.date("deadline"),
						stop.has("placeId") ? stop.reference("placeId") : null,
						stop.has("measureId") ? stop.reference("measureId") : null));
			}
		}
		else if (!body.path("properties").path("stops").isMissingNode()
				&& !body.path("properties").path("stops").isEmpty()) {
			feature.reject(p.path("stops"), ActivityError.STOPS_ONLY_FOR_WALKS);
		}
		if (kind == ActivityKind.POLICE_OPERATION) {
			geometry = feature.geometry(GeometryKind.AREA, false);
			if (absent(body, "operationKind")) {
				feature.reject(p.path("operationKind"), RequestError.REQUIRED_ONE_OF, "allowed",
						Codes.allowed(OperationKind.class));
			}
			if (geometry == null && neighbourhoods.isEmpty() && feature.isValid()) {
				feature.reject("geometry", ActivityError.OPERATION_NEEDS_AREA);
			}
		}
		else if (operationKind != null) {
			feature.reject(p.path("operationKind"), ActivityError.OPERATION_KIND_ONLY_FOR_OPERATIONS);
		}
		if (kind == ActivityKind.DIALOGUE && !body.path("geometry").isMissingNode() && !body.path("geometry").isNull()) {
			feature.reject("geometry", ActivityError.DIALOGUE_WITHOUT_GEOMETRY);
		}
		feature.throwIfInvalid();
		return new ActivityDraft(kind, title, description, startsOn, endsOn, timeOfDay, format, operationKind, published,
				geometry, participants, neighbourhoods, commitmentIds, placeIds, measureIds, stops);
	}

	private static boolean absent(JsonNode body, String property) {
		JsonNode value = body.path("properties").path(property);
		return value.isMissingNode() || value.isNull();
	}

}
