package se.trygghetskartan.geo;

import java.util.List;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How collections are paged: at most {@code trygghetskartan.api.max-page-size} items an answer, so
 * that no request reads a whole table. A larger {@code limit} is no error but gets the most there
 * is (OGC API - Features), and the answer's numberMatched says how many more there are to page to.
 */
@Component
public class Paging {

	/** How many items an answer holds when the request names no limit (or fewer, when the maximum is lower). */
	public static final int DEFAULT_LIMIT = 1000;

	private final int max;

	Paging(@Value("${trygghetskartan.api.max-page-size:1000}") int max) {
		if (max < 1) {
			throw new IllegalArgumentException("trygghetskartan.api.max-page-size must be at least 1");
		}
		this.max = max;
	}

	/** The page a request's {@code limit} and {@code offset} name; a 400 for a limit below 1 or a negative offset. */
	public Page of(Integer limit, Long offset) {
		return of(limit, offset, null);
	}

	/**
	 * The page a request's {@code limit} and {@code offset}, or {@code limit} and {@code after} (paging
	 * by key: the items whose id is above it, as quick on the last page of 100 000 as on the first) name;
	 * a 400 for both an offset and after.
	 */
	public Page of(Integer limit, Long offset, Long after) {
		if (after != null && offset != null) {
			throw InvalidRequestException.parameter("after", RequestError.AFTER_BY_ID_ONLY);
		}
		int l = limit == null ? Math.min(DEFAULT_LIMIT, max) : limit;
		long o = offset == null ? 0 : offset;
		if (l < 1) {
			throw InvalidRequestException.parameter("limit", RequestError.AT_LEAST, "min", 1);
		}
		if (o < 0) {
			throw InvalidRequestException.parameter("offset", RequestError.NEGATIVE);
		}
		return new Page(Math.min(l, max), o, after);
	}

	/** The most ids one request may name. */
	public static final int MAX_IDS = 1000;

	/**
	 * An {@code ids} parameter (1,2,3): the items a client asks for by id, at most {@value #MAX_IDS}
	 * (the answer pages as any other); null when absent.
	 */
	public List<Long> ids(List<Long> ids) {
		if (ids == null) {
			return null;
		}
		if (ids.size() > MAX_IDS) {
			throw InvalidRequestException.parameter("ids", RequestError.TOO_MANY_IDS, "max", MAX_IDS);
		}
		if (ids.contains(null)) {
			throw InvalidRequestException.parameter("ids", RequestError.NOT_IDS);
		}
		return List.copyOf(ids);
	}

	/** The first page, as large as pages get. */
	public Page first() {
		return new Page(max, 0);
	}

	public int max() {
		return max;
	}

}
