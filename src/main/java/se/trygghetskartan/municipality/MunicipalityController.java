package se.trygghetskartan.municipality;

import se.trygghetskartan.municipality.MunicipalityService.SettingsSnapshot;
import se.trygghetskartan.system.ETags;
import tools.jackson.databind.JsonNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every page needs first: the municipality's name, the map's tiles, extent and start view.
 * Public to read; admins change it with If-Match.
 */
@RestController
class MunicipalityController {

	private final MunicipalityService municipality;

	MunicipalityController(MunicipalityService municipality) {
		this.municipality = municipality;
	}

	@GetMapping(path = "/api/config", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> config() {
		return answer(municipality.currentJson());
	}

	@PutMapping(path = "/api/config", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> update(@RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(municipality.update(ifMatch, SettingsDraft.read(body)));
	}

	// Browsers ask again each time (no-cache), so a page never starts from settings an admin replaced.
	private static ResponseEntity<String> answer(SettingsSnapshot settings) {
		return ResponseEntity.ok()
			.eTag(ETags.of(settings.version()))
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.APPLICATION_JSON)
			.body(settings.json());
	}

}
