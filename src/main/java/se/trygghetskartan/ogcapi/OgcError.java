package se.trygghetskartan.ogcapi;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with a request to the OGC API beyond what every API shares. */
public enum OgcError implements ErrorCode {

	/** name, allowed */
	UNKNOWN_PARAMETER,
	BBOX_NEEDS_FOUR_OR_SIX,
	/** value */
	NOT_DATETIME,
	/** collection */
	NOT_TEMPORAL

}
