package se.trygghetskartan.municipality;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with the municipality's settings. */
enum SettingsError implements ErrorCode {

	/** max */
	PLAIN_TEXT,
	EXTENT_REQUIRED,
	START_CENTER_REQUIRED,
	/** extent */
	START_OUTSIDE_EXTENT,
	TILE_URL_REQUIRED,
	TILE_URL_SCHEME,
	TILE_URL_CHARACTERS,
	TILE_URL_PLACEHOLDERS,
	TILE_URL_HOST_PLACEHOLDER,
	TILE_URL_UNKNOWN_PLACEHOLDER,
	TILE_URL_HOST,
	/** detail */
	TILE_URL_INVALID

}
