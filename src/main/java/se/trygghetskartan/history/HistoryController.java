package se.trygghetskartan.history;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetskartan.system.NotFoundException;

@RestController
class HistoryController {

	private final HistoryService history;

	HistoryController(HistoryService history) {
		this.history = history;
	}

	@GetMapping(path = "/api/places/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> placeHistory(@PathVariable long id) {
		return answer("place", id);
	}

	@GetMapping(path = "/api/measures/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> measureHistory(@PathVariable long id) {
		return answer("measure", id);
	}

	private ResponseEntity<String> answer(String type, long id) {
		String changes = history.history(type, id);
		if (changes.equals("[]")) {
			throw new NotFoundException(type, id);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(changes);
	}

}
