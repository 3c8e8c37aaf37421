package se.trygghetskartan.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking, for the few answers that differ by role. */
public final class CurrentUser {

	private CurrentUser() {
	}

	/** Whether the current user may see what only planners see (planners and admins). */
	public static boolean isPlanner() {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		return user != null && user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> a.equals("ROLE_PLANNER") || a.equals("ROLE_ADMIN"));
	}

}
