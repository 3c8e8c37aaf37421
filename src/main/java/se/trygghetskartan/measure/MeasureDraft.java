package se.trygghetskartan.measure;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.place.PlaceStatus;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;

/**
 * A measure as a client sent it, checked field by field and against the rules between fields;
 * {@code published} is null when the client left it out. {@code statusNote} (a note to residents)
 * and {@code statusChangedOn} (from when the status holds: the completion date for a done measure,
 * else today, unless given) go into the public timeline when the status changes or a note is given;
 * {@code placeStatuses} are the linked places' new statuses that come with it. That the places and
 * commitments it links to exist is the service's to check.
 */
public record MeasureDraft(String title, String description, MeasureType type, MeasureOwner owner, MeasureStatus status,
		String rejectionReason, LocalDate plannedStart, LocalDate plannedEnd, LocalDate completedOn, Geometry geometry,
		Set<Long> placeIds, Set<Long> commitmentIds, Boolean published, String statusNote,
		LocalDate statusChangedOn, Map<Long, PlaceStatus> placeStatuses) {

	/** A measure proposed at places, with no geometry of its own and no dates yet. */
	public static MeasureDraft proposed(String title, String description, MeasureType type, MeasureOwner owner,
			Set<Long> placeIds, Set<Long> commitmentIds, boolean published) {
		return new MeasureDraft(title, description, type, owner, MeasureStatus.PROPOSED, null, null, null, null, null,
				placeIds, commitmentIds, published, null, LocalDate.now(), Map.of());
	}

	/** Reads and checks a Feature; a 422 says what is wrong with it. */
	public static MeasureDraft read(JsonNode body, GeometryService geometries) {
		FeatureBody feature = new FeatureBody(body, geometries);
		String title = feature.text("title", true, 200);
		String description = feature.text("description", false, 10_000);
		MeasureType type = feature.code(MeasureType.class, "type", null);
		MeasureOwner owner = feature.code(MeasureOwner.class, "owner", null);
		MeasureStatus status = feature.code(MeasureStatus.class, "status", MeasureStatus.PROPOSED);
		String rejectionReason = feature.text("rejectionReason", false, 2_000);
		LocalDate plannedStart = feature.date("plannedStart");
		LocalDate plannedEnd = feature.date("plannedEnd");
		LocalDate completedOn = feature.date("completedOn");
		Geometry geometry = feature.geometry(GeometryKind.ANY_SIMPLE, false);
		Set<Long> placeIds = feature.ids("placeIds");
		Set<Long> commitmentIds = feature.ids("commitmentIds");
		Boolean published = feature.properties().bool("published", null);
		String statusNote = feature.text("statusNote", false, 1_000);
		LocalDate statusChangedOn = feature.date("statusChangedOn");
		Map<Long, PlaceStatus> placeStatuses = placeStatuses(body.path("properties").path("placeStatuses"), placeIds,
				feature);

		if (status == MeasureStatus.REJECTED && rejectionReason == null) {
			feature.reject("properties.rejectionReason", MeasureError.REJECTION_REASON_REQUIRED);
		}
		if (status != MeasureStatus.REJECTED && rejectionReason != null) {
			feature.reject("properties.rejectionReason", MeasureError.REJECTION_REASON_ONLY_IF_REJECTED);
		}
		if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
			feature.reject("properties.plannedEnd", RequestError.ENDS_BEFORE_START, "start", plannedStart.toString());
		}
		if (status == MeasureStatus.DONE && completedOn == null) {
			completedOn = LocalDate.now();
		}
		if (status != MeasureStatus.DONE && completedOn != null) {
			feature.reject("properties.completedOn", MeasureError.COMPLETED_ONLY_IF_DONE);
		}
		if (statusChangedOn != null && statusChangedOn.isAfter(LocalDate.now())) {
			feature.reject("properties.statusChangedOn", MeasureError.STATUS_DATE_IN_FUTURE);
		}
		if (statusChangedOn == null) {
			statusChangedOn = status == MeasureStatus.DONE && completedOn != null ? completedOn : LocalDate.now();
		}
		if (placeIds.isEmpty() && (body.path("geometry").isNull() || body.path("geometry").isMissingNode())) {
			feature.reject("properties.placeIds", MeasureError.PLACE_OR_GEOMETRY_REQUIRED);
		}
		feature.throwIfInvalid();
		return new MeasureDraft(title, description, type, owner, status, rejectionReason, plannedStart, plannedEnd,
				completedOn, geometry, placeIds, commitmentIds, published, statusNote, statusChangedOn, placeStatuses);
	}

	/**
	 * The new status of linked places, {"12": "resolved"}, set with the measure: not part of the
	 * measure, only carried by the request that saves it.
	 */
	private static Map<Long, PlaceStatus> placeStatuses(JsonNode node, Set<Long> placeIds, FeatureBody feature) {
		Map<Long, PlaceStatus> statuses = new TreeMap<>();
		if (node.isMissingNode() || node.isNull()) {
			return statuses;
		}
		if (!node.isObject()) {
			feature.reject("properties.placeStatuses", RequestError.NOT_OBJECT);
			return statuses;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String field = "properties.placeStatuses." + entry.getKey();
			Long id = entry.getKey().matches("[1-9]\\d{0,17}") ? Long.valueOf(entry.getKey()) : null;
			if (id == null || !placeIds.contains(id)) {
				feature.reject(field, MeasureError.PLACE_NOT_LINKED, "value", entry.getKey());
				continue;
			}
			JsonNode value = entry.getValue();
			PlaceStatus status = value.isString() ? Codes.find(PlaceStatus.class, value.stringValue()).orElse(null) : null;
			if (status == null) {
				feature.reject(field, RequestError.NOT_ONE_OF, "value", value.isString() ? value.stringValue() : value.toString(),
						"allowed", Codes.allowed(PlaceStatus.class));
				continue;
			}
			statuses.put(id, status);
		}
		return statuses;
	}

}
