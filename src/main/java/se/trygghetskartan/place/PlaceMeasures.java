package se.trygghetskartan.place;

/**
 * The measures linked to a place, which the measure module keeps: it builds on this one, so this
 * module asks through this interface, which the measure module implements, and names none of its
 * tables. The answer is SQL so that a list of places stays one statement.
 */
public interface PlaceMeasures {

	/**
	 * An SQL expression: the ids ({@code bigint[]}, ascending) of the measures linked to the place
	 * whose id is the SQL expression {@code placeId}, drafts only when {@code :staff}.
	 */
	String measureIds(String placeId);

}
