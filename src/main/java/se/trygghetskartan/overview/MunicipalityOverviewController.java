package se.trygghetskartan.overview;

import java.time.Duration;

import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipalities and what each has published, for everyone: the national page reads the list
 * once. Public data, kept by browsers and proxies for a minute, and answered 304 while unchanged
 * (Spring compares If-None-Match with the ETag).
 */
@RestController
class MunicipalityOverviewController {

	private static final CacheControl PUBLIC_MINUTE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	private final MunicipalityOverviews overviews;

	MunicipalityOverviewController(MunicipalityOverviews overviews) {
		this.overviews = overviews;
	}

	@GetMapping(path = "/api/municipalities", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> all() {
		return answer(overviews.all());
	}

	@GetMapping(path = "/api/municipalities/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> one(@PathVariable String slug) {
		return answer(overviews.one(slug).orElseThrow(() -> new NotFoundException("municipality", slug)));
	}

	private static ResponseEntity<String> answer(String json) {
		return ResponseEntity.ok()
			.eTag(ETags.ofContent(json))
			.cacheControl(PUBLIC_MINUTE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json);
	}

}
