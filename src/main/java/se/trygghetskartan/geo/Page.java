package se.trygghetskartan.geo;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

/** {@code limit} and {@code offset} of a collection request. */
public record Page(int limit, long offset) {

	public static final int DEFAULT_LIMIT = 1000;

	public static final int MAX_LIMIT = 10_000;

	public static Page of(Integer limit, Long offset) {
		int l = limit == null ? DEFAULT_LIMIT : limit;
		long o = offset == null ? 0 : offset;
		if (l < 1 || l > MAX_LIMIT) {
			throw InvalidRequestException.parameter("limit", RequestError.OUT_OF_RANGE, "min", 1, "max", MAX_LIMIT);
		}
		if (o < 0) {
			throw InvalidRequestException.parameter("offset", RequestError.NEGATIVE);
		}
		return new Page(l, o);
	}

}
