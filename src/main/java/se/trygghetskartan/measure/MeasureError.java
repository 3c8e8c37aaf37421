package se.trygghetskartan.measure;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with a measure. */
enum MeasureError implements ErrorCode {

	REJECTION_REASON_REQUIRED,
	REJECTION_REASON_ONLY_IF_REJECTED,
	COMPLETED_ONLY_IF_DONE,
	STATUS_DATE_IN_FUTURE,
	PLACE_OR_GEOMETRY_REQUIRED,
	/** value */
	PLACE_NOT_LINKED

}
