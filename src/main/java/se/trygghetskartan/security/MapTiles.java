package se.trygghetskartan.security;

/**
 * Where the maps' background tiles come from now, so that the Content-Security-Policy lets the pages
 * load them. Admins change the tile URLs while the app runs; the municipality module provides them.
 */
@FunctionalInterface
public interface MapTiles {

	/**
	 * The tile URL templates ({z}/{x}/{y}) of every municipality, sorted and without repeats (any page
	 * may show any of them: /flen/ Flen's, /sverige the default's), as cheap to ask as a cached value.
	 */
	java.util.SortedSet<String> tileUrls();

}
