package se.trygghetskartan.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import se.trygghetskartan.account.Grant;
import se.trygghetskartan.account.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is asking, for the few answers that differ by role. Roles are granted in scopes (the
 * installation, a municipality, a police region): the answers here are about the municipality the
 * request acts in, whose scopes the municipality module names ({@link #actIn}); without one, only
 * grants of the whole installation count.
 */
public final class CurrentUser {

	/** The prefix of the authorities that carry a grant: {@code GRANT:planner@municipality:flen}. */
	public static final String GRANT = "GRANT:";

	private static final String SCOPES = CurrentUser.class.getName() + ".scopes";

	private static final List<String> INSTALLATION = List.of(Grant.INSTALLATION);

	private CurrentUser() {
	}

	/**
	 * Says which scopes cover the municipality this request acts in ({@code *}, its own, its police
	 * regions'): from here on the questions below are answered for it.
	 */
	public static void actIn(Collection<String> scopes) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(SCOPES, List.copyOf(scopes), RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** Whether the current user holds {@code role} (or admin) in one of {@code scopes}. */
	public static boolean has(Role role, Collection<String> scopes) {
		return grants().stream().anyMatch(grant -> grant.gives(role) && scopes.contains(grant.scope()));
	}

	/** The current user's grants, none for the public. */
	public static Set<Grant> grants() {
		return grantsOf(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * Where a user's planning page is: their municipality's ({@code /flen/planering}) when all their
	 * grants are one municipality's, else the default municipality's, where a header link leads on.
	 */
	public static String planningPage(Authentication user) {
		Set<String> scopes = grantsOf(user).stream().map(Grant::scope).collect(java.util.stream.Collectors.toSet());
		String scope = scopes.size() == 1 ? scopes.iterator().next() : "";
		return scope.startsWith(Grant.MUNICIPALITY) ? "/" + scope.substring(Grant.MUNICIPALITY.length()) + "/planering"
				: "/planering";
	}

	private static Set<Grant> grantsOf(Authentication user) {
		if (user == null) {
			return Set.of();
		}
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority != null && authority.startsWith(GRANT))
			.flatMap(authority -> Grant.parse(authority.substring(GRANT.length())).stream())
			.collect(java.util.stream.Collectors.toSet());
	}

	/** The roles the current user holds here (an admin holds all three), as the pages show their tools by. */
	public static List<Role> rolesHere() {
		List<String> scopes = scopes();
		return java.util.Arrays.stream(Role.values()).filter(role -> has(role, scopes)).toList();
	}

	/** Whether the current user may see what only planners see (planners and admins) here. */
	public static boolean isPlanner() {
		return has(Role.PLANNER, scopes());
	}

	/** Whether the current user may see exact incidents (the police, planners and admins) here. */
	public static boolean seesIncidents() {
		return isStaff();
	}

	/**
	 * Whether the current user is signed-in staff (the police, planners and admins) here, who see drafts
	 * and who made or changed an item; the public sees neither.
	 */
	public static boolean isStaff() {
		List<String> scopes = scopes();
		return has(Role.PLANNER, scopes) || has(Role.POLICE, scopes);
	}

	@SuppressWarnings("unchecked")
	private static List<String> scopes() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Object scopes = request == null ? null : request.getAttribute(SCOPES, RequestAttributes.SCOPE_REQUEST);
		return scopes instanceof List<?> list ? (List<String>) list : INSTALLATION;
	}

}
