package se.trygghetskartan.survey;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SurveyController {

	private final SurveyService surveys;

	SurveyController(SurveyService surveys) {
		this.surveys = surveys;
	}

	@GetMapping(path = "/api/survey-results", produces = MediaType.APPLICATION_JSON_VALUE)
	String results(@RequestParam(required = false) String neighbourhood) {
		return surveys.results(neighbourhood);
	}

	/** Imports a CSV file sent as the body; the answer reports every rejected line. */
	@PostMapping(path = "/api/survey-results", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ImportReport importCsv(HttpServletRequest request) throws IOException {
		try (InputStream body = request.getInputStream()) {
			return surveys.importCsv(body);
		}
	}

}
