package se.trygghetskartan.activity;

import jakarta.persistence.Converter;
import se.trygghetskartan.system.Codes;

/** The smaller closed vocabularies of activities, and their database converters. */
public final class ActivityVocabulary {

	private ActivityVocabulary() {
	}

	/** When a safety walk was held. */
	public enum TimeOfDay {

		DAY, EVENING

	}

	/** Who took part in an activity. */
	public enum ParticipantGroup {

		RESIDENTS, PROPERTY_OWNERS, MUNICIPALITY, POLICE, OTHERS

	}

	/** A walk stop's priority. */
	public enum Priority {

		HIGH, MEDIUM, LOW

	}

	/** Who answers for what a walk stop proposed. */
	public enum Responsible {

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
