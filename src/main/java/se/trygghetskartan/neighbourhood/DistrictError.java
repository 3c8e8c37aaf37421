package se.trygghetskartan.neighbourhood;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with a district, or with a feature of a file of districts. */
enum DistrictError implements ErrorCode {

	SLUG_FORMAT,
	/** slug */
	SLUG_TAKEN,
	/** slug, references */
	DISTRICT_IN_USE,
	/** file, chosen */
	CRS_CONTRADICTS_FILE,
	/** supported */
	CRS_NOT_SAID,
	/** properties */
	NO_NAME_PROPERTY,
	/** property, properties */
	UNKNOWN_NAME_PROPERTY,
	/** property */
	NO_NAME,
	/** max */
	NAME_TOO_LONG,
	NO_SLUG,
	/** features, slug */
	DUPLICATE_SLUG,
	/** position, crs */
	COORDINATES_IN_METRES

}
