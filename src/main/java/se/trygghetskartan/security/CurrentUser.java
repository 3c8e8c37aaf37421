package se.trygghetskartan.security;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking, for the few answers that differ by role. */
public final class CurrentUser {

	private static final Set<String> STAFF = Set.of("ROLE_PLANNER", "ROLE_POLICE", "ROLE_ADMIN");

	private CurrentUser() {
	}

	/** Whether the current user may see what only planners see (planners and admins). */
	public static boolean isPlanner() {
		return hasAny(Set.of("ROLE_PLANNER", "ROLE_ADMIN"));
	}

	/** Whether the current user may see exact incidents (the police, planners and admins). */
	public static boolean seesIncidents() {
		return hasAny(STAFF);
	}

	/**
	 * Whether the current user is signed-in staff (the police, planners and admins), who see drafts
	 * and who made or changed an item; the public sees neither.
	 */
	public static boolean isStaff() {
		return hasAny(STAFF);
	}

	private static boolean hasAny(Set<String> authorities) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		return user != null && user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(authorities::contains);
	}

}
