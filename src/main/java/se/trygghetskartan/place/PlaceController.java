package se.trygghetskartan.place;

import java.net.URI;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.system.Codes;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;
import static se.trygghetskartan.geo.GeoJsonResponses.feature;
import static se.trygghetskartan.geo.GeoJsonResponses.geoJson;

@RestController
@RequestMapping("/api/places")
class PlaceController {

	private final PlaceService places;

	PlaceController(PlaceService places) {
		this.places = places;
	}

	@GetMapping(produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> list(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String neighbourhood, @RequestParam(required = false) String status,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long offset) {
		PlaceFilter filter = new PlaceFilter(BoundingBox.parse(bbox), neighbourhood,
				status == null ? null : Codes.parameter(PlaceStatus.class, "status", status),
				reason == null ? null : Codes.parameter(PlaceReason.class, "reason", reason), Page.of(limit, offset));
		return geoJson(ResponseEntity.ok(), places.search(filter));
	}

	@GetMapping(path = "/{id}", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> get(@PathVariable long id) {
		return feature(ResponseEntity.ok(), places.find(id));
	}

	@PostMapping(consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE }, produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> create(@RequestBody JsonNode body) {
		StoredFeature created = places.create(body);
		return feature(ResponseEntity.created(URI.create("/api/places/" + created.id())), created);
	}

	@PutMapping(path = "/{id}", consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE }, produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> update(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return feature(ResponseEntity.ok(), places.update(id, body, ifMatch));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		places.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
