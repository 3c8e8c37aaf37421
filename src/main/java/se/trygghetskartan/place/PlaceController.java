package se.trygghetskartan.place;

import java.util.List;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.ClusterGrid;
import se.trygghetskartan.geo.FeatureLayer;
import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.PublishableResourceController;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.geo.Paging;
import se.trygghetskartan.geo.PublicCache;
import se.trygghetskartan.system.Codes;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;

@RestController
@RequestMapping("/api/places")
class PlaceController extends PublishableResourceController<PlaceDraft> implements FeatureLayer {

	private final PlaceService places;

	private final Paging paging;

	private final PublicCache cache;

	PlaceController(PlaceService places, GeometryService geometries, Paging paging, PublicCache cache) {
		super(places, body -> PlaceDraft.read(body, geometries));
		this.places = places;
		this.paging = paging;
		this.cache = cache;
	}

	@GetMapping(produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> list(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String neighbourhood, @RequestParam(required = false) String status,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String q,
			@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long offset, @RequestParam(required = false) Long after) {
		PlaceFilter filter = filter(BoundingBox.parse(bbox), neighbourhood, status, reason, q, ids,
				paging.of(limit, offset, after));
		return cache.features(() -> places.search(filter));
	}

	/** How many places lie in each cell of the map's grid at this zoom, over the view (bbox). */
	@GetMapping(path = "/clusters", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> clusters(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) Double zoom, @RequestParam(required = false) String neighbourhood,
			@RequestParam(required = false) String status, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String q) {
		ClusterGrid grid = ClusterGrid.of(BoundingBox.parse(bbox), zoom);
		PlaceFilter filter = filter(null, neighbourhood, status, reason, q, null, paging.of(null, null));
		return cache.features(() -> places.clusters(filter, grid));
	}

	@Override
	public String layer() {
		return "places";
	}

	/** The places the list's parameters select, for a file. */
	@Override
	public FeatureSource exported(MultiValueMap<String, String> parameters) {
		return places.exported(filter(BoundingBox.parse(FeatureLayer.text(parameters, "bbox")),
				FeatureLayer.text(parameters, "neighbourhood"), FeatureLayer.text(parameters, "status"),
				FeatureLayer.text(parameters, "reason"), FeatureLayer.text(parameters, "q"),
				FeatureLayer.ids(parameters, "ids"), null));
	}

	private PlaceFilter filter(BoundingBox bbox, String neighbourhood, String status, String reason, String q,
			List<Long> ids, Page page) {
		return new PlaceFilter(bbox, neighbourhood,
				status == null ? null : Codes.parameter(PlaceStatus.class, "status", status),
				reason == null ? null : Codes.parameter(PlaceReason.class, "reason", reason), FeatureQuery.searchText(q),
				paging.ids(ids), page);
	}

}
