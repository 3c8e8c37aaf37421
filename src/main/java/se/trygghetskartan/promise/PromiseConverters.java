package se.trygghetskartan.promise;

import jakarta.persistence.Converter;
import se.trygghetskartan.activity.ActivityKind;
import se.trygghetskartan.activity.OperationKind;
import se.trygghetskartan.system.Codes;

final class PromiseConverters {

	private PromiseConverters() {
	}

	@Converter(autoApply = true)
	static class PartyConverter extends Codes.Converter<Party> {

		PartyConverter() {
			super(Party.class);
		}

	}

	// The activity module registers converters for its enums too; these apply to this module's
	// columns explicitly.
	@Converter
	static class TargetActivityConverter extends Codes.Converter<ActivityKind> {

		TargetActivityConverter() {
			super(ActivityKind.class);
		}

	}

	@Converter
	static class TargetOperationConverter extends Codes.Converter<OperationKind> {

		TargetOperationConverter() {
			super(OperationKind.class);
		}

	}

}
