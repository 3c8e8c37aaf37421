package se.trygghetskartan.neighbourhood;

import se.trygghetskartan.measure.MeasureFilter;
import se.trygghetskartan.measure.MeasureService;
import se.trygghetskartan.measure.MeasureStatus;
import se.trygghetskartan.place.PlaceFilter;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;
import static se.trygghetskartan.geo.GeoJsonResponses.geoJson;

@RestController
@RequestMapping("/api/neighbourhoods")
class NeighbourhoodController {

	private final NeighbourhoodService neighbourhoods;

	private final PlaceService places;

	private final MeasureService measures;

	private final JsonMapper json;

	NeighbourhoodController(NeighbourhoodService neighbourhoods, PlaceService places, MeasureService measures,
			JsonMapper json) {
		this.neighbourhoods = neighbourhoods;
		this.places = places;
		this.measures = measures;
		this.json = json;
	}

	@GetMapping(produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> list() {
		return geoJson(ResponseEntity.ok(), neighbourhoods.featureCollection());
	}

	@GetMapping(path = "/{slug}", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> get(@PathVariable String slug) {
		return geoJson(ResponseEntity.ok(), feature(slug));
	}

	/** What a resident wants to know: the district's places, and its measures by status. */
	@GetMapping(path = "/{slug}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> summary(@PathVariable String slug) {
		ObjectNode summary = json.createObjectNode();
		summary.set("neighbourhood", json.readTree(feature(slug)));
		summary.set("places", json.readTree(places.search(PlaceFilter.inNeighbourhood(slug))));
		ObjectNode byStatus = summary.putObject("measuresByStatus");
		for (MeasureStatus status : MeasureStatus.values()) {
			byStatus.set(Codes.of(status), json.readTree(measures.search(MeasureFilter.inNeighbourhood(slug, status))));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary.toString());
	}

	private String feature(String slug) {
		return neighbourhoods.feature(slug).orElseThrow(() -> new NotFoundException("neighbourhood", slug));
	}

}
