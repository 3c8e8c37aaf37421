package se.trygghetskartan.promise;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with a promise, a commitment or a period. */
enum PromiseError implements ErrorCode {

	PERIOD_START_REQUIRED,
	TARGET_COUNT_REQUIRED,
	OPERATION_KIND_ONLY_FOR_OPERATIONS_TARGET,
	/** value */
	NOT_A_PERIOD

}
