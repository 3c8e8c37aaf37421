package se.trygghetskartan.activity;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with a walk, a dialogue or a police operation. */
enum ActivityError implements ErrorCode {

	KIND_IMMUTABLE,
	STOPS_ONLY_FOR_WALKS,
	OPERATION_NEEDS_AREA,
	OPERATION_KIND_ONLY_FOR_OPERATIONS,
	DIALOGUE_WITHOUT_GEOMETRY,
	STOP_WITHOUT_MEASURE,
	/** placeId */
	STOP_ALREADY_PLACED

}
