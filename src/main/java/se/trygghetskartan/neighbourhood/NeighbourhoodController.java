package se.trygghetskartan.neighbourhood;

import java.io.IOException;
import java.io.InputStream;

import se.trygghetskartan.geo.FeatureFile;
import se.trygghetskartan.geo.FeatureFiles;
import se.trygghetskartan.geo.FeatureLayer;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.PublicCache;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.geo.SupportedCrs;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
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

@RestController
@RequestMapping("/api/neighbourhoods")
class NeighbourhoodController implements FeatureLayer {

	/** GeoPackage's media type (OGC, registered with IANA). */
	static final String GEOPACKAGE = "application/geopackage+sqlite3";

	private final NeighbourhoodService neighbourhoods;

	private final DistrictImport imports;

	private final FeatureFiles files;

	private final GeometryService geometries;

	private final PublicCache cache;

	NeighbourhoodController(NeighbourhoodService neighbourhoods, DistrictImport imports, FeatureFiles files,
			GeometryService geometries, PublicCache cache) {
		this.neighbourhoods = neighbourhoods;
		this.imports = imports;
		this.files = files;
		this.geometries = geometries;
		this.cache = cache;
	}

	@GetMapping(produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> list() {
		return cache.features(neighbourhoods::featureCollection);
	}

	@Override
	public String layer() {
		return "neighbourhoods";
	}

	/** The municipality's districts, for a file: the list takes no filters. */
	@Override
	public FeatureSource exported(MultiValueMap<String, String> parameters) {
		return neighbourhoods.exported();
	}

	@GetMapping(path = "/{slug}", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> get(@PathVariable String slug) {
		return feature(ResponseEntity.ok(), stored(slug));
	}

	/** What a resident wants to know: the district's places, and its measures by status. */
	@GetMapping(path = "/{slug}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> summary(@PathVariable String slug) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(neighbourhoods.summary(slug));
	}

	@PutMapping(path = "/{slug}", consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> update(@PathVariable String slug, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return feature(ResponseEntity.ok(),
				neighbourhoods.update(slug, NeighbourhoodDraft.read(body, geometries), ifMatch));
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
