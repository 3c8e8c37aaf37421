package se.trygghetskartan.system;

/**
 * The codes every module may give: a field's value of the wrong kind, a bad parameter, a file that
 * cannot be read, and the problems of whole requests (404, 409, 412, 413, 503…). Each has its words
 * in the message bundles under {@code error.<code>}; the arguments each names are listed beside it.
 */
public enum RequestError implements ErrorCode {

	// A field's value.

	REQUIRED,
	/** allowed */
	REQUIRED_ONE_OF,
	REQUIRED_ID,
	NOT_STRING,
	BLANK,
	/** max */
	TOO_LONG,
	/** max */
	NOT_TEXT_ITEM,
	/** value, allowed */
	NOT_ONE_OF,
	/** allowed */
	NONE_CHOSEN,
	/** value */
	NOT_DATE,
	NOT_BOOLEAN,
	/** min, max, value */
	NOT_WHOLE_NUMBER,
	NOT_COUNT,
	/** value */
	NOT_ID,
	NOT_OBJECT,
	NOT_ARRAY,
	/** value */
	NOT_NUMBER,
	/** value */
	NOT_FINITE,
	/** min, max */
	OUT_OF_RANGE,
	/** min */
	AT_LEAST,
	NEGATIVE,
	/** max */
	TOO_MANY_IDS,
	/** max, allowed */
	TOO_MANY_CODES,
	AFTER_BY_ID_ONLY,
	NOT_IDS,
	NOT_EMAIL,
	NOT_EMAIL_OR_FORM,
	/** start */
	ENDS_BEFORE_START,
	/** fields */
	NOT_A_FIELD,
	NUL_CHARACTER,
	/** value, type */
	NOT_A_VALUE,

	// What a field refers to.

	/** ids */
	UNKNOWN_PLACES,
	/** ids */
	UNKNOWN_MEASURES,
	/** ids */
	UNKNOWN_COMMITMENTS,
	/** id */
	UNKNOWN_PROMISE,
	/** ids (the slugs) */
	UNKNOWN_DISTRICTS,

	// The body as a whole.

	NOT_JSON_OBJECT,
	NOT_FEATURE,
	NOT_FEATURE_TYPE,
	/** detail, line, column */
	UNREADABLE_JSON,
	/** detail */
	NOT_URL_ENCODED,

	// A bounding box (bbox) or an extent.

	BBOX_NEEDS_FOUR,
	LON_LAT_RANGE,
	MIN_ABOVE_MAX,

	// Files: charset, CSV header and lines.

	/** detail */
	UNREADABLE_CONTENT_TYPE,
	/** charset */
	UNKNOWN_CHARSET,
	/** charset, declared */
	CHARSETS_DISAGREE,
	FILE_EMPTY,
	HEADER_NUL,
	/** charset */
	HEADER_UNDECODABLE,
	/** detail */
	HEADER_NOT_CSV,
	/** column */
	MISSING_COLUMN,
	/** charset */
	LINE_UNDECODABLE,
	LINE_NUL,
	/** lines */
	QUOTE_NOT_CLOSED_WITHIN,
	QUOTE_NOT_CLOSED,
	TEXT_AFTER_QUOTE,
	/** count, column */
	MISSING_CELL,
	/** column, value */
	CELL_NOT_NUMBER,
	/** detail */
	UNREADABLE_VALUE,

	// Problems of whole requests: the problem's code, its words the detail.

	INVALID_PARAMETER,
	INVALID_CONTENT,
	/** subject, id */
	NOT_FOUND,
	/** path */
	PATH_NOT_FOUND,
	/** expected, current */
	VERSION_STALE,
	IF_MATCH_REQUIRED,
	SAVED_CONCURRENTLY,
	/** rule */
	STORED_DATA_CONFLICT,
	/** limit */
	PAYLOAD_TOO_LARGE,
	/** seconds */
	BODY_TOO_SLOW,
	/** seconds, rate */
	IMPORT_TOO_SLOW,
	/** method, allowed */
	METHOD_NOT_ALLOWED,
	/** type, supported */
	UNSUPPORTED_MEDIA_TYPE,
	/** acceptable */
	NOT_ACCEPTABLE,
	BAD_REQUEST,
	MALFORMED_REQUEST,
	/** status */
	HTTP_ERROR,
	INTERNAL_ERROR,
	DATABASE_UNAVAILABLE,
	DATABASE_TIMEOUT

}
