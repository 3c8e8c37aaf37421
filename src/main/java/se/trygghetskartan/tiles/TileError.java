package se.trygghetskartan.tiles;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with a tile's address besides a zoom out of range. */
enum TileError implements ErrorCode {

	/** value, zoom, max */
	OUTSIDE_ZOOM

}
