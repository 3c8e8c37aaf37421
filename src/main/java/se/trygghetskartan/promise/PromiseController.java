package se.trygghetskartan.promise;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.promise.PromiseService.Versioned;
import se.trygghetskartan.system.ETags;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ContentDisposition;
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

@RestController
class PromiseController {

	private static final List<String> CSV_COLUMNS = List.of("promise", "party", "commitment", "target_count",
			"target_activity", "activities_done", "measures_done", "measures_counted", "percent", "measures");

	private final PromiseService promises;

	PromiseController(PromiseService promises) {
		this.promises = promises;
	}

	@GetMapping(path = "/api/periods", produces = MediaType.APPLICATION_JSON_VALUE)
	String periods() {
		return promises.periods();
	}

	@GetMapping(path = "/api/periods/{period}", produces = MediaType.APPLICATION_JSON_VALUE)
	String period(@PathVariable String period) {
		return promises.period(Period.parse(period));
	}

	/** The annual follow-up as a spreadsheet: commitments, progress and linked measures. */
	@GetMapping(path = "/api/periods/{period}/commitments.csv", produces = "text/csv")
	ResponseEntity<byte[]> followUpCsv(@PathVariable String period) {
		Period parsed = Period.parse(period);
		StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(";", CSV_COLUMNS)).append("\r\n");
		for (Map<String, Object> row : promises.followUpRows(parsed)) {
			csv.append(String.join(";", CSV_COLUMNS.stream().map(column -> quote(row.get(column))).toList()))
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("medborgarloften-" + parsed.code() + ".csv")
				.build()
				.toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	// Excel-safe: quoted, inner quotes doubled, and formulas neutralised.
	private static String quote(Object value) {
		String text = value == null ? "" : value.toString();
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	@GetMapping(path = "/api/promises/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> promise(@PathVariable long id) {
		return json(ResponseEntity.ok(), promises.promise(id));
	}

	@PostMapping(path = "/api/promises", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> createPromise(@RequestBody JsonNode body) {
		Versioned created = promises.createPromise(body);
		return json(ResponseEntity.created(URI.create("/api/promises/" + created.id())), created);
	}

	@PutMapping(path = "/api/promises/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> updatePromise(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return json(ResponseEntity.ok(), promises.updatePromise(id, body, ifMatch));
	}

	@DeleteMapping("/api/promises/{id}")
	ResponseEntity<Void> deletePromise(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		promises.deletePromise(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	/** The commitments a measure fulfils, with their promises and periods. */
	@GetMapping(path = "/api/measures/{id}/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
	String commitmentsOf(@PathVariable long id) {
		return promises.commitmentsOf(id);
	}

	@GetMapping(path = "/api/commitments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> commitment(@PathVariable long id) {
		return json(ResponseEntity.ok(), promises.commitment(id));
	}

	@PostMapping(path = "/api/commitments", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> createCommitment(@RequestBody JsonNode body) {
		Versioned created = promises.createCommitment(body);
		return json(ResponseEntity.created(URI.create("/api/commitments/" + created.id())), created);
	}

	@PutMapping(path = "/api/commitments/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> updateCommitment(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return json(ResponseEntity.ok(), promises.updateCommitment(id, body, ifMatch));
	}

	@DeleteMapping("/api/commitments/{id}")
	ResponseEntity<Void> deleteCommitment(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		promises.deleteCommitment(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<String> json(ResponseEntity.BodyBuilder response, Versioned item) {
		return response.eTag(ETags.of(item.version())).contentType(MediaType.APPLICATION_JSON).body(item.json());
	}

}
