package se.trygghetskartan.place;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.Page;

/** Which places a collection request asks for; null fields do not filter. */
public record PlaceFilter(BoundingBox bbox, String neighbourhood, PlaceStatus status, PlaceReason reason, String q,
		Page page) {

	public static PlaceFilter inNeighbourhood(String slug) {
		return new PlaceFilter(null, slug, null, null, null, new Page(Page.MAX_LIMIT, 0));
	}

}
