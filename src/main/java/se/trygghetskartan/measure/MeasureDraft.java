package se.trygghetskartan.measure;

import java.time.LocalDate;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import tools.jackson.databind.JsonNode;

/**
 * A measure as a client sent it, checked field by field and against the rules between fields;
 * {@code published} is null when the client left it out. That the places and commitments it links
 * to exist is the service's to check.
 */
public record MeasureDraft(String title, String description, MeasureType type, MeasureOwner owner, MeasureStatus status,
		String rejectionReason, LocalDate plannedStart, LocalDate plannedEnd, LocalDate completedOn, Geometry geometry,
		Set<Long> placeIds, Set<Long> commitmentIds, Boolean published) {

	/** A measure proposed at places, with no geometry of its own and no dates yet. */
	public static MeasureDraft proposed(String title, String description, MeasureType type, MeasureOwner owner,
			Set<Long> placeIds, Set<Long> commitmentIds, boolean published) {
		return new MeasureDraft(title, description, type, owner, MeasureStatus.PROPOSED, null, null, null, null, null,
				placeIds, commitmentIds, published);
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

		if (status == MeasureStatus.REJECTED && rejectionReason == null) {
			feature.reject("properties.rejectionReason", "is required when the status is rejected");
		}
		if (status != MeasureStatus.REJECTED && rejectionReason != null) {
			feature.reject("properties.rejectionReason", "only a rejected measure has a rejection reason");
		}
		if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
			feature.reject("properties.plannedEnd", "is before plannedStart (" + plannedStart + ")");
		}
		if (status == MeasureStatus.DONE && completedOn == null) {
			completedOn = LocalDate.now();
		}
		if (status != MeasureStatus.DONE && completedOn != null) {
			feature.reject("properties.completedOn", "only a done measure has a completion date");
		}
		if (placeIds.isEmpty() && (body.path("geometry").isNull() || body.path("geometry").isMissingNode())) {
			feature.reject("properties.placeIds", "link at least one place, or give the measure its own geometry");
		}
		feature.throwIfInvalid();
		return new MeasureDraft(title, description, type, owner, status, rejectionReason, plannedStart, plannedEnd,
				completedOn, geometry, placeIds, commitmentIds, published);
	}

}
