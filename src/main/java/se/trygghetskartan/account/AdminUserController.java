package se.trygghetskartan.account;

import java.net.URI;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The admin API for accounts (admins only, see SecurityConfig). */
@RestController
@RequestMapping(path = "/api/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminUserController {

	private final AccountService accounts;

	AdminUserController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String list() {
		return accounts.list();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> create(@RequestBody JsonNode body) {
		String created = accounts.create(body);
		String username = body.get("username").stringValue();
		return ResponseEntity.created(URI.create("/api/admin/users/" + UriUtils.encodePathSegment(username, "UTF-8")))
			.body(created);
	}

	@GetMapping("/{username}")
	String user(@PathVariable String username) {
		return accounts.details(username);
	}

	@PutMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
	String update(@PathVariable String username, @RequestBody JsonNode body) {
		return accounts.update(username, body);
	}

	@DeleteMapping("/{username}")
	ResponseEntity<Void> delete(@PathVariable String username) {
		accounts.delete(username);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{username}/history")
	String history(@PathVariable String username) {
		return accounts.history(username);
	}

}
