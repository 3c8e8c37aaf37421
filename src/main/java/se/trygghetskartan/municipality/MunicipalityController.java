package se.trygghetskartan.municipality;

import java.net.URI;

import se.trygghetskartan.municipality.MunicipalityService.SettingsSnapshot;
import se.trygghetskartan.system.ETags;
import tools.jackson.databind.JsonNode;

import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * What every page needs first: the municipality's name, the map's tiles, extent and start view
 * ({@code municipality=slug}, else the default). Public to read; its admins change it with If-Match;
 * installation admins create municipalities and define police regions.
 */
@RestController
class MunicipalityController {

	private final MunicipalityService municipality;

	MunicipalityController(MunicipalityService municipality) {
		this.municipality = municipality;
	}

	@GetMapping(path = "/api/config", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> config() {
		return answer(ResponseEntity.ok(), municipality.currentJson());
	}

	@PutMapping(path = "/api/config", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> update(@RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(ResponseEntity.ok(), municipality.update(ifMatch, SettingsDraft.read(body)));
	}

	@PostMapping(path = "/api/municipalities", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> create(@RequestBody JsonNode body) {
		SettingsSnapshot created = municipality.create(body);
		String slug = body.get("slug").stringValue().strip();
		return answer(ResponseEntity.created(URI.create("/api/config?municipality=" + slug)), created);
	}

	@PutMapping(path = "/api/municipalities/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> update(@PathVariable String slug, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(ResponseEntity.ok(), municipality.update(slug, ifMatch, SettingsDraft.read(body)));
	}

	@GetMapping(path = "/api/admin/regions", produces = MediaType.APPLICATION_JSON_VALUE)
	String regions() {
		return municipality.regions();
	}

	@PutMapping(path = "/api/admin/regions/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	String putRegion(@PathVariable String slug, @RequestBody JsonNode body) {
		return municipality.putRegion(slug, body);
	}

	@DeleteMapping("/api/admin/regions/{slug}")
	ResponseEntity<Void> deleteRegion(@PathVariable String slug) {
		municipality.deleteRegion(slug);
		return ResponseEntity.noContent().build();
	}

	// Browsers ask again each time (no-cache), so a page never starts from settings an admin replaced.
	private static ResponseEntity<String> answer(ResponseEntity.BodyBuilder response, SettingsSnapshot settings) {
		return response.eTag(ETags.of(settings.version()))
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.APPLICATION_JSON)
			.body(settings.json());
	}

}
