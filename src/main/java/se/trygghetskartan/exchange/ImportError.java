package se.trygghetskartan.exchange;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with an import of places or measures, or with one of its rows. */
enum ImportError implements ErrorCode {

	/** layer, layers */
	UNKNOWN_IMPORT_LAYER,
	MAPPING_NOT_OBJECT,
	/** field, fields */
	MAPPING_UNKNOWN_FIELD,
	/** field, column, columns */
	MAPPING_UNKNOWN_COLUMN,
	/** supported */
	IMPORT_CRS_NOT_SAID,
	/** file, chosen */
	IMPORT_CRS_CONTRADICTS_FILE,
	/** detail */
	UNREADABLE_WKT,
	/** value */
	NOT_A_COORDINATE,
	/** column */
	COORDINATE_MISSING,
	/** value */
	IMPORT_ID_NOT_NUMBER

}
