package se.trygghetskartan.place;

import java.util.Map;

import se.trygghetskartan.geo.Paging;
import se.trygghetskartan.neighbourhood.NeighbourhoodContents;

import org.springframework.stereotype.Component;

/** A district's places: how many lie in it, and for its summary the places themselves. */
@Component
class PlacesInDistricts implements NeighbourhoodContents {

	private final PlaceService places;

	private final Paging paging;

	PlacesInDistricts(PlaceService places, Paging paging) {
		this.places = places;
		this.paging = paging;
	}

	// From the stored districts of each place, with their published flag: one index, no geometry.
	@Override
	public Map<String, String> figures(String district) {
		return Map.of("placeCount", """
				(SELECT count(*) FROM place_district d WHERE d.neighbourhood_id = %s.id AND (:staff OR d.published))"""
			.formatted(district));
	}

	@Override
	public Map<String, String> summary(String slug) {
		return Map.of("places", places.search(PlaceFilter.inNeighbourhood(slug, paging.first())));
	}

}
