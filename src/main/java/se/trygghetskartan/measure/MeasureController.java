package se.trygghetskartan.measure;

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
@RequestMapping("/api/measures")
class MeasureController {

	private final MeasureService measures;

	MeasureController(MeasureService measures) {
		this.measures = measures;
	}

	@GetMapping(produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> list(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String neighbourhood, @RequestParam(required = false) String status,
			@RequestParam(required = false) String type, @RequestParam(required = false) String owner,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
		MeasureFilter filter = new MeasureFilter(BoundingBox.parse(bbox), neighbourhood,
				status == null ? null : Codes.parameter(MeasureStatus.class, "status", status),
				type == null ? null : Codes.parameter(MeasureType.class, "type", type),
				owner == null ? null : Codes.parameter(MeasureOwner.class, "owner", owner), Page.of(limit, offset));
		return geoJson(ResponseEntity.ok(), measures.search(filter));
	}

	@GetMapping(path = "/{id}", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> get(@PathVariable long id) {
		return feature(ResponseEntity.ok(), measures.find(id));
	}

	@PostMapping(consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> create(@RequestBody JsonNode body) {
		StoredFeature created = measures.create(body);
		return feature(ResponseEntity.created(URI.create("/api/measures/" + created.id())), created);
	}

	@PutMapping(path = "/{id}", consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> update(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return feature(ResponseEntity.ok(), measures.update(id, body, ifMatch));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		measures.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
