package se.trygghetskartan.account;

import java.util.Set;

/**
 * A user as the rest of the app sees it: never the password hash.
 *
 * @param sso the client registration the user signs in through, or null for a local account
 */
public record Account(String username, String displayName, Set<Role> roles, boolean enabled,
		boolean mustChangePassword, boolean hasPassword, String sso) {
}
