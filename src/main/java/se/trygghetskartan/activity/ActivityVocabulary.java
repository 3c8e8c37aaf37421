package se.trygghetskartan.activity;

import jakarta.persistence.Converter;
import se.trygghetskartan.system.Codes;

/** The smaller closed vocabularies of activities, and their database converters. */
final class ActivityVocabulary {

	private ActivityVocabulary() {
	}

	enum TimeOfDay {

		DAY, EVENING

	}

	enum ParticipantGroup {

		RESIDENTS, PROPERTY_OWNERS, MUNICIPALITY, POLICE, OTHERS

	}

	enum Priority {

		HIGH, MEDIUM, LOW

	}

	enum Responsible {

		MUNICIPALITY, POLICE, JOINT, PROPERTY_OWNER

	}

	@Converter(autoApply = true)
	static class KindConverter extends Codes.Converter<ActivityKind> {

		KindConverter() {
			super(ActivityKind.class);
		}

	}

	@Converter(autoApply = true)
	static class OperationKindConverter extends Codes.Converter<OperationKind> {

		OperationKindConverter() {
			super(OperationKind.class);
		}

	}

	@Converter(autoApply = true)
	static class TimeOfDayConverter extends Codes.Converter<TimeOfDay> {

		TimeOfDayConverter() {
			super(TimeOfDay.class);
		}

	}

	@Converter(autoApply = true)
	static class ParticipantGroupConverter extends Codes.Converter<ParticipantGroup> {

		ParticipantGroupConverter() {
			super(ParticipantGroup.class);
		}

	}

	@Converter(autoApply = true)
	static class PriorityConverter extends Codes.Converter<Priority> {

		PriorityConverter() {
			super(Priority.class);
		}

	}

	@Converter(autoApply = true)
	static class ResponsibleConverter extends Codes.Converter<Responsible> {

		ResponsibleConverter() {
			super(Responsible.class);
		}

	}

}
