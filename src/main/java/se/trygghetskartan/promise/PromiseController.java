package se.trygghetskartan.promise;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import se.trygghetskartan.promise.PromiseService.Versioned;
import se.trygghetskartan.system.Csv;
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
		String csv = Csv.export(CSV_COLUMNS, promises.followUpRows(parsed)
			.stream()
			.map(row -> CSV_COLUMNS.stream().map(row::get).toList())
			.toList());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("medborgarloften-" + parsed.code() + ".csv")
				.build()
				.toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
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
