package se.trygghetskartan.promise;

import java.nio.charset.StandardCharsets;
import java.util.List;

import se.trygghetskartan.system.Csv;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PeriodController {

	private static final List<String> CSV_COLUMNS = List.of("promise", "party", "commitment", "target_count",
			"target_activity", "activities_done", "measures_done", "measures_counted", "percent", "measures");

	private final PromiseService promises;

	private final CommitmentService commitments;

	PeriodController(PromiseService promises, CommitmentService commitments) {
		this.promises = promises;
		this.commitments = commitments;
	}

	/** The commitments a measure fulfils, with their promises and periods. */
	@GetMapping(path = "/api/measures/{id}/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
	String commitmentsOf(@PathVariable long id) {
		return commitments.commitmentsOf(id);
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

}
