package se.trygghetskartan.system;

/**
 * A stable code for something wrong, as the API shows it beside the words; each module lists its
 * own as an enum. The words are in the message bundles ({@code messages*.properties}) under
 * {@code error.<code>}, and under {@code error.<code>.at} for a code said of a point the map marks.
 */
public interface ErrorCode {

	/** The code: the constant's name in lower case. */
	default String code() {
		return Codes.of((Enum<?>) this);
	}

	/** Whether it may be said of a position the map marks, and so has words for that too. */
	default boolean markable() {
		return false;
	}

}
