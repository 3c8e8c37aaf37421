package se.trygghetskartan.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import se.trygghetskartan.account.Grant;
import se.trygghetskartan.account.Role;
import se.trygghetskartan.system.Codes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How single sign-on users become ours (the identity provider itself is configured with Spring's
 * {@code spring.security.oauth2.client.*} properties): the claim that names the user, the claim that
 * lists their groups, which groups give which role in the whole installation, e.g.
 * {@code trygghetskartan.sso.roles.planner=Trygghet-Planerare,GIS}, and which give a role within a
 * municipality or police region, as {@code group=role@scope} entries, e.g.
 * {@code trygghetskartan.sso.grants=Kat-Planerare=planner@municipality:katrineholm,Polis-Ost=police@region:ost}.
 */
@ConfigurationProperties("trygghetskartan.sso")
record SsoProperties(@DefaultValue("preferred_username") String usernameClaim,
		@DefaultValue("groups") String rolesClaim, @DefaultValue Map<String, List<String>> roles,
		@DefaultValue List<String> grants) {

	SsoProperties {
		for (String role : roles.keySet()) {
			if (Codes.find(Role.class, role.toLowerCase(Locale.ROOT)).isEmpty()) {
				throw new IllegalArgumentException("trygghetskartan.sso.roles." + role + ": '" + role + "' is not "
						+ Codes.allowed(Role.class));
			}
		}
		for (String entry : grants) {
			int equals = entry.lastIndexOf('=');
			if (equals <= 0 || Grant.parse(entry.substring(equals + 1)).isEmpty()) {
				throw new IllegalArgumentException("trygghetskartan.sso.grants: '" + entry
						+ "' is not group=role@scope (roles " + Codes.allowed(Role.class)
						+ "; scopes *, municipality:<slug>, region:<slug>)");
			}
		}
	}

	/**
	 * The grants the claim's values map to (a list of groups, or one string of them, space or comma
	 * separated): the roles' as the installation's, and the grants' as they say.
	 */
	Set<Grant> grantsFor(Object claim) {
		Collection<?> values = claim instanceof Collection<?> list ? list
				: claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
		Set<String> groups = new HashSet<>();
		values.forEach(value -> groups.add(String.valueOf(value)));
		Set<Grant> granted = new HashSet<>();
		roles.forEach((role, named) -> {
			if (named.stream().anyMatch(groups::contains)) {
				granted.add(new Grant(Codes.find(Role.class, role.toLowerCase(Locale.ROOT)).orElseThrow(),
						Grant.INSTALLATION));
			}
		});
		for (String entry : grants) {
			int equals = entry.lastIndexOf('=');
			if (groups.contains(entry.substring(0, equals).strip())) {
				granted.add(Grant.parse(entry.substring(equals + 1)).orElseThrow());
			}
		}
		return granted;
	}

}
