package se.trygghetskartan.promise;

import se.trygghetskartan.activity.ActivityKind;
import se.trygghetskartan.activity.OperationKind;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.FeatureBody.Fields;
import se.trygghetskartan.geo.GeometryService;
import tools.jackson.databind.JsonNode;

/**
 * A commitment as a client sent it (a plain JSON object), checked field by field; that its promise
 * exists is the service's to check.
 */
public record CommitmentDraft(long promiseId, int position, Party party, String text, Integer targetCount,
		ActivityKind targetActivity, OperationKind targetOperationKind, int weight) {

	/** Reads and checks a JSON object; a 422 says what is wrong with it. */
	public static CommitmentDraft read(JsonNode json, GeometryService geometries) {
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
				body.reject("target.count", PromiseError.TARGET_COUNT_REQUIRED);
			}
			targetCount = target.integer("count", 1, 10_000);
			targetActivity = target.code(ActivityKind.class, "activity", null);
			targetOperation = target.optionalCode(OperationKind.class, "operationKind");
			if (targetOperation != null && targetActivity != ActivityKind.POLICE_OPERATION) {
				body.reject("target.operationKind", PromiseError.OPERATION_KIND_ONLY_FOR_OPERATIONS_TARGET);
			}
		}
		body.throwIfInvalid();
		return new CommitmentDraft(promiseId, position == null ? 0 : position, party, text, targetCount,
				targetActivity, targetOperation, weight == null ? 1 : weight);
	}

}
