package se.trygghetskartan.survey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import jakarta.servlet.http.HttpServletRequest;
import se.trygghetskartan.system.TextLines;

import org.springframework.http.HttpHeaders;
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

	/**
	 * Imports a CSV file sent as the body, in the charset its byte order mark, its Content-Type or the
	 * {@code charset} parameter names (else UTF-8); the answer reports the rejected lines.
	 */
	@PostMapping(path = "/api/survey-results", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ImportReport importCsv(HttpServletRequest request, @RequestParam(required = false) String charset)
			throws IOException {
		Charset declared = TextLines.declared(request.getHeader(HttpHeaders.CONTENT_TYPE), charset);
		try (InputStream body = request.getInputStream()) {
			return surveys.importCsv(body, declared);
		}
	}

}
