package se.trygghetskartan.place;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.PublishableResourceController;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.system.Codes;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;
import static se.trygghetskartan.geo.GeoJsonResponses.geoJson;

@RestController
@RequestMapping("/api/places")
class PlaceController extends PublishableResourceController<PlaceDraft> {

	private final PlaceService places;

	PlaceController(PlaceService places, GeometryService geometries) {
		super(places, body -> PlaceDraft.read(body, geometries));
		this.places = places;
	}

	@GetMapping(produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> list(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String neighbourhood, @RequestParam(required = false) String status,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long offset) {
		PlaceFilter filter = new PlaceFilter(BoundingBox.parse(bbox), neighbourhood,
				status == null ? null : Codes.parameter(PlaceStatus.class, "status", status),
				reason == null ? null : Codes.parameter(PlaceReason.class, "reason", reason), FeatureQuery.searchText(q),
				Page.of(limit, offset));
		return geoJson(ResponseEntity.ok(), places.search(filter));
	}

}
