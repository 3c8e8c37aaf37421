package se.trygghetskartan.neighbourhood;

import java.util.Map;

/**
 * What other modules keep in the districts, for the districts' figures and a district's summary:
 * places and measures are counted by where they lie. Modules that build on this one implement it
 * (as with {@link NeighbourhoodReferences}); the neighbourhood module knows none of them, nor their
 * tables.
 */
public interface NeighbourhoodContents {

	/**
	 * Properties of each district's Feature by name, as SQL expressions over the district's row, given
	 * as its alias {@code district} (columns {@code id}, {@code geom}); they may ask {@code :staff},
	 * whether the reader sees drafts. For example placeCount: a count of the places in the district,
	 * which the place module stores by district so that 2 900 districts are counted quickly.
	 */
	Map<String, String> figures(String district);

	/** Members of a district's summary by name, as JSON documents for the current reader: places, for example. */
	Map<String, String> summary(String slug);

}
