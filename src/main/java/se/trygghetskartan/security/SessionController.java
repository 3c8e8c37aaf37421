package se.trygghetskartan.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.account.Account;
import se.trygghetskartan.account.AccountService;
import se.trygghetskartan.system.Codes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, whether they must change their password first, the CSRF token the browser must
 * send with its changes, and the identity providers the login page offers.
 */
@RestController
class SessionController {

	private final AccountService accounts;

	private final ObjectProvider<InMemoryClientRegistrationRepository> registrations;

	SessionController(AccountService accounts, ObjectProvider<InMemoryClientRegistrationRepository> registrations) {
		this.accounts = accounts;
		this.registrations = registrations;
	}

	@GetMapping("/api/session")
	Map<String, Object> session(Authentication user, CsrfToken csrf) {
		Map<String, Object> session = new LinkedHashMap<>();
		boolean loggedIn = user != null && !(user instanceof AnonymousAuthenticationToken);
		session.put("authenticated", loggedIn);
		session.put("username", loggedIn ? user.getName() : null);
		session.put("displayName", loggedIn ? accounts.find(user.getName()).map(Account::displayName).orElse(null) : null);
		session.put("roles", loggedIn ? user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5).toLowerCase())
			.toList() : List.of());
		// The roles in the municipality asked about (municipality=, else the default): the page's tools.
		session.put("rolesHere", loggedIn ? CurrentUser.rolesHere().stream().map(Codes::of).toList() : List.of());
		session.put("planningPage", loggedIn ? CurrentUser.planningPage(user) : null);
		// Where each role holds: "planner@municipality:katrineholm", "admin@*".
		session.put("grants", loggedIn ? CurrentUser.grants().stream().map(Object::toString).sorted().toList() : List.of());
		session.put("mustChangePassword", SignedInUsers.has(user, SignedInUsers.PASSWORD_CHANGE_REQUIRED));
		// Scripts sending HTTP Basic need no token and get none (their requests are not CSRF-checked).
		session.put("csrf", csrf == null ? null : Map.of("headerName", csrf.getHeaderName(), "parameterName",
				csrf.getParameterName(), "token", csrf.getToken()));
		session.put("sso", singleSignOn());
		return session;
	}

	// "Logga in med <name>" buttons: each configured identity provider and where its login starts.
	private List<Map<String, String>> singleSignOn() {
		List<Map<String, String>> providers = new ArrayList<>();
		InMemoryClientRegistrationRepository repository = registrations.getIfAvailable();
		if (repository != null) {
			for (ClientRegistration registration : repository) {
				providers.add(Map.of("name", registration.getClientName(), "url",
						"/oauth2/authorization/" + registration.getRegistrationId()));
			}
		}
		return providers;
	}

}
