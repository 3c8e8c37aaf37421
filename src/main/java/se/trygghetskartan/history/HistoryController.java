package se.trygghetskartan.history;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetskartan.system.NotFoundException;

@RestController
class HistoryController {

	/** The collections whose items keep a history, and the subject their changes are recorded as. */
	private static final Map<String, String> SUBJECTS = Map.of("places", "place", "measures", "measure", "activities",
			"activity", "promises", "promise", "commitments", "commitment", "municipalities", "municipality", "reports", "report");

	private final HistoryService history;

	private final List<RecordedResource<?, ?, ?>> resources;

	HistoryController(HistoryService history, List<RecordedResource<?, ?, ?>> resources) {
		this.history = history;
		this.resources = resources;
	}

	@GetMapping(path = "/api/{collection}/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> history(@PathVariable String collection, @PathVariable long id) {
		String subject = SUBJECTS.get(collection);
		if (subject == null) {
			throw new NotFoundException("collection with a history", collection);
		}
		// Who may read it is the resource's to say (a municipality's planners its items').
		resources.stream().filter(resource -> resource.subject().equals(subject)).forEach(resource -> resource.readingHistory(id));
		String changes = history.history(subject, id);
		if (changes.equals("[]")) {
			throw new NotFoundException(subject, id);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(changes);
	}

}
