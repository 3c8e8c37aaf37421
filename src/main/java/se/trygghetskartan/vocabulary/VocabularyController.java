package se.trygghetskartan.vocabulary;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The closed vocabularies with their labels, public, for every page and for scripts. */
@RestController
class VocabularyController {

	private final Vocabularies vocabularies;

	VocabularyController(Vocabularies vocabularies) {
		this.vocabularies = vocabularies;
	}

	// Every page asks for this first. no-cache: the browser keeps it and asks again with If-None-Match
	// each time (Spring answers 304 when the ETag matches), so a new version's terms show at once.
	@GetMapping(path = "/api/vocabularies", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> vocabularies() {
		return ResponseEntity.ok()
			.eTag(vocabularies.etag())
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.APPLICATION_JSON)
			.body(vocabularies.json());
	}

}
