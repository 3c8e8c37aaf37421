package se.trygghetskartan.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, and the CSRF token the browser must send with its changes. */
@RestController
class SessionController {

	@GetMapping("/api/session")
	Map<String, Object> session(Authentication user, CsrfToken csrf) {
		Map<String, Object> session = new LinkedHashMap<>();
		boolean loggedIn = user != null && !(user instanceof AnonymousAuthenticationToken);
		session.put("authenticated", loggedIn);
		session.put("username", loggedIn ? user.getName() : null);
		session.put("roles", loggedIn ? user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5).toLowerCase())
			.toList() : List.of());
		// Scripts sending HTTP Basic need no token and get none (their requests are not CSRF-checked).
		session.put("csrf", csrf == null ? null : Map.of("headerName", csrf.getHeaderName(), "parameterName",
				csrf.getParameterName(), "token", csrf.getToken()));
		return session;
	}

}
