package se.trygghetskartan.geo;

/**
 * {@code limit} and {@code offset} of a collection request, as {@link Paging} made them; or, paging by
 * key, {@code after}: the items whose id is above it (null when the request names none).
 */
public record Page(int limit, long offset, Long after) {

	public Page(int limit, long offset) {
		this(limit, offset, null);
	}

}
