package se.trygghetskartan.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * A user as the rest of the app sees it: never the password hash.
 *
 * @param grants what the user may do where (role and scope)
 * @param sso the client registration the user signs in through, or null for a local account
 */
public record Account(String username, String displayName, Set<Grant> grants, boolean enabled,
		boolean mustChangePassword, boolean hasPassword, String sso) {

	public Account {
		grants = Set.copyOf(grants);
	}

	/** The roles the user has somewhere, whatever the scope: what the URL rules ask. */
	public Set<Role> roles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		grants.forEach(grant -> roles.add(grant.role()));
		return roles;
	}

}
