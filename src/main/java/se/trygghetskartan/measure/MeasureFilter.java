package se.trygghetskartan.measure;

import java.util.List;
import java.util.Set;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.Page;

/**
 * Which measures a collection request asks for, and in which order; null fields do not filter. A
 * measure matches a set of statuses or types when it has one of them.
 */
public record MeasureFilter(BoundingBox bbox, String neighbourhood, Set<MeasureStatus> statuses,
		Set<MeasureType> types, MeasureOwner owner, String q, List<Long> ids, MeasureOrder order, Page page) {

	public static MeasureFilter inNeighbourhood(String slug, MeasureStatus status, Page page) {
		return new MeasureFilter(null, slug, Set.of(status), null, null, null, null, MeasureOrder.ID, page);
	}

}
