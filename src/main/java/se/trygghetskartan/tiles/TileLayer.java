package se.trygghetskartan.tiles;

import java.util.List;
import java.util.Map;

/**
 * A layer of vector tiles: its name (in the URL and in the tile), what it holds, and its tiles, each
 * made by one SQL statement ({@link Tile#mvt}). Every tile holds published items and public
 * attributes only, the same for every reader, so tiles are cached publicly. A module that owns data
 * no published view shows (the public incident grid) offers its layer as a bean of this type.
 */
public interface TileLayer {

	/** The layer's name in URLs and in its tiles: lower-case letters. */
	String name();

	/** What the layer shows, for its TileJSON document. */
	String description();

	/** Each attribute of its features with what it says, in the order of the tiles' columns. */
	Map<String, String> fields();

	/** Below this zoom its tiles are empty (a layer too dense to show whole far out). */
	default int minZoom() {
		return 0;
	}

	/** The data versions ({@code system.DataVersions}) its tiles are built from: their ETags name them. */
	List<String> dataVersions();

	/**
	 * The tile as a Mapbox Vector Tile; empty when nothing lies in it. {@code query} holds the request's
	 * query parameters, for a layer that takes some (others ignore them).
	 */
	byte[] tile(Tile tile, Map<String, String> query);

}
