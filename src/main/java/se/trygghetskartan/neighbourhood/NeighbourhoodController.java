package se.trygghetskartan.neighbourhood;

import java.io.IOException;
import java.io.InputStream;

import se.trygghetskartan.geo.FeatureFile;
import se.trygghetskartan.geo.FeatureFiles;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.geo.SupportedCrs;
import se.trygghetskartan.measure.MeasureFilter;
import se.trygghetskartan.measure.MeasureService;
import se.trygghetskartan.measure.MeasureStatus;
import se.trygghetskartan.place.PlaceFilter;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
@RequestMapping("/api/neighbourhoods")
class NeighbourhoodController {

	/** GeoPackage's media type (OGC, registered with IANA). */
	static final String GEOPACKAGE = "application/geopackage+sqlite3";

	private final NeighbourhoodService neighbourhoods;

	private final DistrictImport imports;

	private final FeatureFiles files;

	private final PlaceService places;

	private final MeasureService measures;

	private final JsonMapper json;

	NeighbourhoodController(NeighbourhoodService neighbourhoods, DistrictImport imports, FeatureFiles files,
			PlaceService places, MeasureService measures, JsonMapper json) {
		this.neighbourhoods = neighbourhoods;
		this.imports = imports;
		this.files = files;
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
		return feature(ResponseEntity.ok(), stored(slug));
	}

	/** What a resident wants to know: the district's places, and its measures by status. */
	@GetMapping(path = "/{slug}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> summary(@PathVariable String slug) {
		ObjectNode summary = json.createObjectNode();
		summary.set("neighbourhood", json.readTree(stored(slug).json()));
		summary.set("places", json.readTree(places.search(PlaceFilter.inNeighbourhood(slug))));
		ObjectNode byStatus = summary.putObject("measuresByStatus");
		for (MeasureStatus status : MeasureStatus.values()) {
			byStatus.set(Codes.of(status), json.readTree(measures.search(MeasureFilter.inNeighbourhood(slug, status))));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary.toString());
	}

	@PutMapping(path = "/{slug}", consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> update(@PathVariable String slug, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return feature(ResponseEntity.ok(), neighbourhoods.update(slug, body, ifMatch));
	}

	@DeleteMapping("/{slug}")
	ResponseEntity<Void> delete(@PathVariable String slug,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		neighbourhoods.delete(slug, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/{slug}/history", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> history(@PathVariable String slug) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(neighbourhoods.history(slug));
	}

	/** Districts from a GeoJSON FeatureCollection (WGS 84, or the CRS its crs member names). */
	@PostMapping(path = "/import", consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	DistrictImportReport importGeoJson(InputStream body, @RequestParam(required = false) String nameProperty,
			@RequestParam(required = false) String crs, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean repair) throws IOException {
		SupportedCrs chosen = SupportedCrs.parameter("crs", crs);
		return imports.run(files.readGeoJson(body), chosen, nameProperty, repair, dryRun);
	}

	/** Districts from a GeoPackage's feature table ({@code layer}, else the first), in the CRS of its geometry column. */
	@PostMapping(path = "/import", consumes = GEOPACKAGE, produces = MediaType.APPLICATION_JSON_VALUE)
	DistrictImportReport importGeoPackage(InputStream body, @RequestParam(required = false) String layer,
			@RequestParam(required = false) String nameProperty, @RequestParam(required = false) String crs,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean repair)
			throws IOException {
		SupportedCrs chosen = SupportedCrs.parameter("crs", crs);
		FeatureFile file = files.readGeoPackage(body, layer);
		return imports.run(file, chosen, nameProperty, repair, dryRun);
	}

	private StoredFeature stored(String slug) {
		return neighbourhoods.feature(slug).orElseThrow(() -> new NotFoundException("neighbourhood", slug));
	}

}
