package se.trygghetskartan.municipality;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with a municipality, a police region or the municipality a request names. */
enum MunicipalityError implements ErrorCode {

	/** slug */
	UNKNOWN_MUNICIPALITY,
	/** prefix, value */
	NOT_THE_PREFIX,
	/** role, municipality */
	NOT_GRANTED,
	/** municipality, other */
	OTHER_MUNICIPALITY,
	/** slug */
	RESERVED_SLUG,
	MUNICIPALITY_SLUG_FORMAT,
	/** slug */
	MUNICIPALITY_SLUG_TAKEN,
	CODE_FORMAT,
	/** code */
	CODE_TAKEN,
	/** slug */
	UNKNOWN_REGION

}
