package se.trygghetskartan.account;

import java.net.URI;
import java.security.Principal;

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

/**
 * The admin API for accounts (admins only, see SecurityConfig): an installation admin manages everyone,
 * a municipality's admin the accounts within that municipality (403 beyond).
 */
@RestController
@RequestMapping(path = "/api/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminUserController {

	private final AccountService accounts;

	AdminUserController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String list(Principal admin) {
		return accounts.list(admin.getName());
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> create(Principal admin, @RequestBody JsonNode body) {
		String created = accounts.create(admin.getName(), body);
		String username = body.get("username").stringValue();
		return ResponseEntity.created(URI.create("/api/admin/users/" + UriUtils.encodePathSegment(username, "UTF-8")))
			.body(created);
	}

	@GetMapping("/{username}")
	String user(Principal admin, @PathVariable String username) {
		return accounts.details(admin.getName(), username);
	}

	@PutMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
	String update(Principal admin, @PathVariable String username, @RequestBody JsonNode body) {
		return accounts.update(admin.getName(), username, body);
	}

	@DeleteMapping("/{username}")
	ResponseEntity<Void> delete(Principal admin, @PathVariable String username) {
		accounts.delete(admin.getName(), username);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{username}/history")
	String history(Principal admin, @PathVariable String username) {
		return accounts.history(admin.getName(), username);
	}

}
