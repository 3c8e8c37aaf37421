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

	@Override
	public Map<String, String> figures(String area) {
		return Map.of("placeCount", """
				(SELECT count(*) FROM unsafe_place p WHERE p.municipality_id = :municipality AND (:staff OR p.published)
				  AND ST_Intersects(p.geom, %s))"""
			.formatted(area));
	}

	@Override
	public Map<String, String> summary(String slug) {
		return Map.of("places", places.search(PlaceFilter.inNeighbourhood(slug, paging.first())));
	}

}
