package se.trygghetskartan.place;

import java.util.List;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.Page;

/** Which places a collection request asks for; null fields do not filter. */
public record PlaceFilter(BoundingBox bbox, String neighbourhood, PlaceStatus status, PlaceReason reason, String q,
		List<Long> ids, Page page) {

	public static PlaceFilter inNeighbourhood(String slug, Page page) {
		return new PlaceFilter(null, slug, null, null, null, null, page);
	}

}
