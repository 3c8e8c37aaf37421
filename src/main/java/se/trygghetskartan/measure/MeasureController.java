package se.trygghetskartan.measure;

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
@RequestMapping("/api/measures")
class MeasureController extends PublishableResourceController<MeasureDraft> {

	private final MeasureService measures;

	MeasureController(MeasureService measures, GeometryService geometries) {
		super(measures, body -> MeasureDraft.read(body, geometries));
		this.measures = measures;
	}

	@GetMapping(produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> list(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String neighbourhood, @RequestParam(required = false) String status,
			@RequestParam(required = false) String type, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
		MeasureFilter filter = new MeasureFilter(BoundingBox.parse(bbox), neighbourhood,
				status == null ? null : Codes.parameter(MeasureStatus.class, "status", status),
				type == null ? null : Codes.parameter(MeasureType.class, "type", type),
				owner == null ? null : Codes.parameter(MeasureOwner.class, "owner", owner), FeatureQuery.searchText(q),
				Page.of(limit, offset));
		return geoJson(ResponseEntity.ok(), measures.search(filter));
	}

}
