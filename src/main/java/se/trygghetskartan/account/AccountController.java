package se.trygghetskartan.account;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own account: the password and personal access tokens. Signed-in users only, and not with
 * a token (see SecurityConfig): a token must not be able to make more tokens or change the password.
 */
@RestController
@RequestMapping(path = "/api/account", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

	private final AccountService accounts;

	private final AccessTokens tokens;

	private final SignInService signIn;

	AccountController(AccountService accounts, AccessTokens tokens, SignInService signIn) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.signIn = signIn;
	}

	@GetMapping
	String account(Authentication user) {
		return accounts.details(user.getName());
	}

	/**
	 * {"currentPassword": …, "newPassword": …}. The current password is checked like a login (and
	 * throttled like one), so a session left open does not let anyone take the account over.
	 */
	@PutMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> changePassword(Authentication user, @RequestBody JsonNode body, HttpServletRequest request) {
		Account account = accounts.find(user.getName()).orElseThrow(() -> new NotFoundException("user", user.getName()));
		if (!account.hasPassword()) {
			throw new ConflictException(AccountError.SSO_ACCOUNT, "provider", account.sso());
		}
		String current = text(body, "currentPassword");
		String next = text(body, "newPassword");
		try {
			signIn.withPassword(user.getName(), current, request.getRemoteAddr());
		}
		catch (BadCredentialsException ex) {
			throw InvalidRequestException.body("currentPassword", AccountError.WRONG_CURRENT_PASSWORD);
		}
		accounts.changeOwnPassword(user.getName(), current, next);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/tokens")
	String tokens(Authentication user) {
		return tokens.list(user.getName());
	}

	@PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> createToken(Authentication user, @RequestBody JsonNode body) {
		String created = tokens.create(user.getName(), body);
		return ResponseEntity.created(URI.create("/api/account/tokens")).body(created);
	}

	@DeleteMapping("/tokens/{id}")
	ResponseEntity<Void> revokeToken(Authentication user, @PathVariable long id) {
		tokens.revoke(user.getName(), id);
		return ResponseEntity.noContent().build();
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body == null ? null : body.get(field);
		if (value == null || !value.isString()) {
			throw InvalidRequestException.body(field, RequestError.REQUIRED);
		}
		return value.stringValue();
	}

}
