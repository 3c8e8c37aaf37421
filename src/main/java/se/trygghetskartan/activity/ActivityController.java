package se.trygghetskartan.activity;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.geo.FeatureResourceController;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.FeatureLayer;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.geo.Paging;
import se.trygghetskartan.geo.PublicCache;
import se.trygghetskartan.system.Codes;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;

@RestController
@RequestMapping("/api/activities")
class ActivityController extends FeatureResourceController<ActivityDraft> implements FeatureLayer {

	private final ActivityService activities;

	private final GeometryService geometries;

	private final Paging paging;

	private final PublicCache cache;

	ActivityController(ActivityService activities, GeometryService geometries, Paging paging, PublicCache cache) {
		super(activities, body -> ActivityDraft.read(body, geometries));
		this.cache = cache;
		this.paging = paging;
		this.activities = activities;
		this.geometries = geometries;
	}

	@GetMapping(produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> list(@RequestParam(required = false) String kind,
			@RequestParam(required = false) String neighbourhood, @RequestParam(required = false) Long commitment,
			@RequestParam(required = false) String bbox, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) List<Long> ids,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
		ActivityFilter filter = filter(kind, neighbourhood, commitment, bbox, from, to, ids, paging.of(limit, offset));
		return cache.features(() -> activities.search(filter));
	}

	@Override
	public String layer() {
		return "activities";
	}

	/** The activities the list's parameters select, for a file. */
	@Override
	public FeatureSource exported(MultiValueMap<String, String> parameters) {
		return activities.exported(filter(FeatureLayer.text(parameters, "kind"), FeatureLayer.text(parameters, "neighbourhood"),
				FeatureLayer.number(parameters, "commitment"), FeatureLayer.text(parameters, "bbox"),
				FeatureLayer.date(parameters, "from"), FeatureLayer.date(parameters, "to"),
				FeatureLayer.ids(parameters, "ids"), null));
	}

	private ActivityFilter filter(String kind, String neighbourhood, Long commitment, String bbox, LocalDate from,
			LocalDate to, List<Long> ids, Page page) {
		return new ActivityFilter(kind == null ? null : Codes.parameter(ActivityKind.class, "kind", kind), neighbourhood,
				commitment, BoundingBox.parse(bbox), from, to, paging.ids(ids), page);
	}

	/** What a walk's stop would become as a place and a measure, read from its words (planners only). */
	@GetMapping(path = "/{id}/stops/{stopId}/suggestion", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> stopSuggestion(@PathVariable long id, @PathVariable long stopId) {
		StopSuggestion suggestion = activities.suggestion(id, stopId);
		Map<String, Object> answer = new java.util.LinkedHashMap<>();
		answer.put("name", suggestion.name());
		answer.put("reasons", suggestion.reasons().stream().map(Codes::of).toList());
		answer.put("measureType", Codes.of(suggestion.measureType()));
		answer.put("measureTitle", suggestion.measureTitle());
		return answer;
	}

	/** Turns a walk's stop into a place with its proposed measure, in one step. */
	@PostMapping(path = "/{id}/stops/{stopId}/place", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Long>> placeFromStop(@PathVariable long id, @PathVariable long stopId,
			@RequestBody(required = false) JsonNode choices) {
		ActivityService.StopOutcome outcome = activities.createPlaceFromStop(id, stopId,
				StopChoices.read(choices, geometries));
		return ResponseEntity.created(URI.create("/api/places/" + outcome.placeId()))
			.body(Map.of("placeId", outcome.placeId(), "measureId", outcome.measureId()));
	}

}
