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
	 * Properties of each district's Feature by name, as SQL expressions over the district's area, given
	 * as the SQL expression {@code area} (a geometry in WGS 84); they may ask {@code :staff}, whether the
	 * reader sees drafts, and {@code :municipality}, the id of the districts' municipality, whose items
	 * alone count. For example placeCount: a count of the places whose geometry meets the area.
	 */
	Map<String, String> figures(String area);

	/** Members of a district's summary by name, as JSON documents for the current reader: places, for example. */
	Map<String, String> summary(String slug);

}
