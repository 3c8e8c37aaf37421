package se.trygghetskartan.incident;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with an incident file, one of its lines, an import, a source or a query. */
enum IncidentError implements ErrorCode {

	COORDINATE_COLUMNS,
	/** max */
	ID_FORMAT,
	/** value */
	UNKNOWN_CATEGORY,
	/** value */
	NOT_A_TIME,
	/** value */
	SENSITIVE_NOT_BOOLEAN,
	OUTSIDE_MUNICIPALITY,
	/** value, sources */
	UNKNOWN_SOURCE,
	SOURCE_SLUG_FORMAT,
	SOURCE_NAME_WITHOUT_SLUG,
	/** source, slug */
	SOURCE_EXISTS,
	/** id */
	IMPORT_RUNNING,
	/** line */
	IMPORT_DATABASE_LOST,
	/** line, detail */
	IMPORT_STOPPED,
	IMPORT_INTERRUPTED,
	/** months */
	PUBLIC_MONTHS,
	/** buffer */
	PUBLIC_BUFFER,
	/** value */
	UNKNOWN_MUNICIPALITY

}
