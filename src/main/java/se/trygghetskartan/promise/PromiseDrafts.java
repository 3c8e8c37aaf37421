package se.trygghetskartan.promise;

import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;

import se.trygghetskartan.activity.ActivityKind;
import se.trygghetskartan.activity.OperationKind;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.FeatureBody.Fields;
import se.trygghetskartan.geo.GeometryService;
import tools.jackson.databind.JsonNode;

/** Promises and commitments as clients send them (plain JSON objects), checked field by field. */
final class PromiseDrafts {

	private PromiseDrafts() {
	}

	record PromiseDraft(int periodStart, int periodEnd, Party party, String title, String body,
			Set<String> focusNeighbourhoods) {
	}

	record CommitmentDraft(long promiseId, int position, Party party, String text, Integer targetCount,
			ActivityKind targetActivity, OperationKind targetOperationKind, int weight) {
	}

	static PromiseDraft promise(JsonNode json, GeometryService geometries,
			Function<Set<String>, Set<String>> missingNeighbourhoods) {
		FeatureBody body = FeatureBody.plain(json, geometries);
		Fields f = body.properties();
		Integer start = f.integer("periodStart", 2000, 2100);
		Integer end = f.integer("periodEnd", 2000, 2100);
		Party party = f.code(Party.class, "party", null);
		String title = f.text("title", true, 300);
		String text = f.text("body", false, 20_000);
		Set<String> focus = f.strings("focusNeighbourhoods", 80);
		if (!f.has("periodStart")) {
			body.reject("periodStart", "is required: the first year of the period");
		}
		if (start != null && end != null && end < start) {
			body.reject("periodEnd", "is before periodStart (" + start + ")");
		}
		if (body.isValid() && !focus.isEmpty()) {
			Set<String> missing = missingNeighbourhoods.apply(focus);
			if (!missing.isEmpty()) {
				body.reject("focusNeighbourhoods", "no neighbourhood " + missing);
			}
		}
		body.throwIfInvalid();
		return new PromiseDraft(start, end == null ? start : end, party, title, text, focus);
	}

	static CommitmentDraft commitment(JsonNode json, GeometryService geometries, LongPredicate promiseExists) {
		FeatureBody body = FeatureBody.plain(json, geometries);
		Fields f = body.properties();
		Long promiseId = f.reference("promiseId");
		Integer position = f.integer("position", 0, 10_000);
		Party party = f.code(Party.class, "party", null);
		String text = f.text("text", true, 5_000);
		Integer weight = f.integer("weight", 1, 1_000);
		Integer targetCount = null;
		ActivityKind targetActivity = null;
		OperationKind targetOperation = null;
		Fields target = f.object("target");
		if (target != null) {
			if (!target.has("count")) {
				body.reject("target.count", "is required: how many activities the commitment promises");
			}
			targetCount = target.integer("count", 1, 10_000);
			targetActivity = target.code(ActivityKind.class, "activity", null);
			targetOperation = target.optionalCode(OperationKind.class, "operationKind");
			if (targetOperation != null && targetActivity != ActivityKind.POLICE_OPERATION) {
				body.reject("target.operationKind", "only a target of police operations has an operation kind");
			}
		}
		if (body.isValid() && !promiseExists.test(promiseId)) {
			body.reject("promiseId", "no promise with id " + promiseId);
		}
		body.throwIfInvalid();
		return new CommitmentDraft(promiseId, position == null ? 0 : position, party, text, targetCount,
				targetActivity, targetOperation, weight == null ? 1 : weight);
	}

}
