package se.trygghetskartan.security;

/**
 * Where the maps' background tiles come from now, so that the Content-Security-Policy lets the pages
 * load them. Admins change the tile URL while the app runs; the municipality module provides it.
 */
@FunctionalInterface
public interface MapTiles {

	/** The current tile URL template ({z}/{x}/{y}), as cheap to ask as a cached value. */
	String tileUrl();

}
