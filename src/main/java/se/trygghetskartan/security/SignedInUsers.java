package se.trygghetskartan.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import se.trygghetskartan.account.Account;
import se.trygghetskartan.account.Grant;
import se.trygghetskartan.account.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * What a signed-in account may do, as authorities: ROLE_PLANNER and so on for the roles it holds
 * anywhere (what the URL rules ask), GRANT:planner@municipality:flen for each grant; only
 * PASSWORD_CHANGE_REQUIRED while it must change a temporary password (so nothing that needs a role
 * passes, whatever else goes wrong); and TOKEN when a personal access token was shown, which may
 * not manage passwords or tokens.
 */
final class SignedInUsers {

	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	static final String TOKEN = "TOKEN";

	private SignedInUsers() {
	}

	static List<GrantedAuthority> authorities(Account account, boolean withToken) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (account.mustChangePassword()) {
			authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
		}
		else {
			for (Role role : account.roles()) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
			}
			for (Grant grant : account.grants()) {
				authorities.add(new SimpleGrantedAuthority(CurrentUser.GRANT + grant));
			}
		}
		if (withToken) {
			authorities.add(new SimpleGrantedAuthority(TOKEN));
		}
		return authorities;
	}

	static Authentication authenticated(Account account, boolean withToken, Object details) {
		List<GrantedAuthority> authorities = authorities(account, withToken);
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(new User(account.username(), "", authorities), null, authorities);
		authentication.setDetails(details);
		return authentication;
	}

	static boolean has(Authentication authentication, String authority) {
		if (authentication == null) {
			return false;
		}
		Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
		return authorities.stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
	}

}
