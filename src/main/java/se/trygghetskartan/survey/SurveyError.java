package se.trygghetskartan.survey;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with a line of a survey file. */
enum SurveyError implements ErrorCode {

	/** value */
	UNKNOWN_DISTRICT,
	/** value */
	NOT_A_YEAR,
	/** value, min, max */
	YEAR_OUT_OF_RANGE,
	/** value, allowed */
	UNKNOWN_INDICATOR,
	/** value */
	NOT_A_SHARE,
	/** value, max */
	VALUE_OUT_OF_RANGE,
	/** value */
	RESPONDENTS_NOT_WHOLE,
	RESPONDENTS_NEGATIVE,
	/** line */
	DUPLICATE_LINE

}
