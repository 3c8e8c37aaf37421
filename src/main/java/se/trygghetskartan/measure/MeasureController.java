package se.trygghetskartan.measure;

import java.util.List;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.FeatureLayer;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.ClusterGrid;
import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.PublishableResourceController;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.geo.Paging;
import se.trygghetskartan.geo.PublicCache;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;

@RestController
@RequestMapping("/api/measures")
class MeasureController extends PublishableResourceController<MeasureDraft> implements FeatureLayer {

	private final MeasureService measures;

	private final Paging paging;

	private final PublicCache cache;

	MeasureController(MeasureService measures, GeometryService geometries, Paging paging, PublicCache cache) {
		super(measures, body -> MeasureDraft.read(body, geometries));
		this.measures = measures;
		this.paging = paging;
		this.cache = cache;
	}

	@GetMapping(produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> list(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String neighbourhood, @RequestParam(required = false) List<String> status,
			@RequestParam(required = false) List<String> type, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String q, @RequestParam(required = false) List<Long> ids,
			@RequestParam(required = false) String sortby, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long offset, @RequestParam(required = false) Long after) {
		MeasureOrder order = MeasureOrder.parameter(sortby);
		if (after != null && order != MeasureOrder.ID) {
			throw InvalidRequestException.parameter("after", RequestError.AFTER_BY_ID_ONLY);
		}
		MeasureFilter filter = filter(BoundingBox.parse(bbox), neighbourhood, status, type, owner, q, paging.ids(ids),
				order, paging.of(limit, offset, after));
		return cache.features(() -> measures.search(filter));
	}

	/** How many measures lie in each cell of the map's grid at this zoom, over the view (bbox). */
	@GetMapping(path = "/clusters", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> clusters(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) Double zoom, @RequestParam(required = false) String neighbourhood,
			@RequestParam(required = false) List<String> status, @RequestParam(required = false) List<String> type,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String q) {
		ClusterGrid grid = ClusterGrid.of(BoundingBox.parse(bbox), zoom);
		MeasureFilter filter = filter(null, neighbourhood, status, type, owner, q, null, MeasureOrder.ID, null);
		return cache.features(() -> measures.clusters(filter, grid));
	}

	@Override
	public String layer() {
		return "measures";
	}

	/** The measures the list's parameters select, in its order, for a file. */
	@Override
	public FeatureSource exported(MultiValueMap<String, String> parameters) {
		return measures.exported(filter(BoundingBox.parse(FeatureLayer.text(parameters, "bbox")),
				FeatureLayer.text(parameters, "neighbourhood"), FeatureLayer.values(parameters, "status"),
				FeatureLayer.values(parameters, "type"), FeatureLayer.text(parameters, "owner"),
				FeatureLayer.text(parameters, "q"), paging.ids(FeatureLayer.ids(parameters, "ids")),
				MeasureOrder.parameter(FeatureLayer.text(parameters, "sortby")), null));
	}

	private static MeasureFilter filter(BoundingBox bbox, String neighbourhood, List<String> status, List<String> type,
			String owner, String q, List<Long> ids, MeasureOrder order, Page page) {
		return new MeasureFilter(bbox, neighbourhood, Codes.parameters(MeasureStatus.class, "status", status),
				Codes.parameters(MeasureType.class, "type", type),
				owner == null ? null : Codes.parameter(MeasureOwner.class, "owner", owner), FeatureQuery.searchText(q), ids,
				order, page);
	}

}
