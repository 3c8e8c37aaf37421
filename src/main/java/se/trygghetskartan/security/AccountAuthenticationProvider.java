package se.trygghetskartan.security;

import se.trygghetskartan.account.SignInService;
import se.trygghetskartan.account.SignInService.SignedIn;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The login form's and HTTP Basic's user name and password (or personal access token), checked by the
 * account module with its throttle. The only provider for them: being a bean keeps Spring Boot from
 * making a default user with a generated password.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

	private final SignInService signIn;

	AccountAuthenticationProvider(SignInService signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String secret = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		SignedIn signedIn = signIn.withPasswordOrToken(authentication.getName(), secret,
				address(authentication.getDetails()));
		return SignedInUsers.authenticated(signedIn.account(), signedIn.withToken(), authentication.getDetails());
	}

	// The connection's address, or the client's as a trusted proxy named it (TrustedProxies).
	static String address(Object details) {
		return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
				? web.getRemoteAddress() : "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
