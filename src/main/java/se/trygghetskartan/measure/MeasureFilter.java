package se.trygghetskartan.measure;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.Page;

/** Which measures a collection request asks for; null fields do not filter. */
public record MeasureFilter(BoundingBox bbox, String neighbourhood, MeasureStatus status, MeasureType type,
		MeasureOwner owner, String q, Page page) {

	public static MeasureFilter inNeighbourhood(String slug, MeasureStatus status) {
		return new MeasureFilter(null, slug, status, null, null, null, new Page(Page.MAX_LIMIT, 0));
	}

}
