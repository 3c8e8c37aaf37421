package se.trygghetskartan.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import se.trygghetskartan.account.Role;
import se.trygghetskartan.system.Codes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How single sign-on users become ours (the identity provider itself is configured with Spring's
 * {@code spring.security.oauth2.client.*} properties): the claim that names the user, the claim that
 * lists their groups, and which groups give which role, e.g.
 * {@code trygghetskartan.sso.roles.planner=Trygghet-Planerare,GIS}.
 */
@ConfigurationProperties("trygghetskartan.sso")
record SsoProperties(@DefaultValue("preferred_username") String usernameClaim,
		@DefaultValue("groups") String rolesClaim, @DefaultValue Map<String, List<String>> roles) {

	SsoProperties {
		for (String role : roles.keySet()) {
			if (Codes.find(Role.class, role.toLowerCase(Locale.ROOT)).isEmpty()) {
				throw new IllegalArgumentException("trygghetskartan.sso.roles." + role + ": '" + role + "' is not "
						+ Codes.allowed(Role.class));
			}
		}
	}

	/** The roles the claim's values map to: a list of groups, or one string of them (space or comma separated). */
	Set<Role> rolesFor(Object claim) {
		Collection<?> values = claim instanceof Collection<?> list ? list
				: claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
		Set<Role> granted = EnumSet.noneOf(Role.class);
		roles.forEach((role, groups) -> {
			if (values.stream().map(String::valueOf).anyMatch(groups::contains)) {
				granted.add(Codes.find(Role.class, role.toLowerCase(Locale.ROOT)).orElseThrow());
			}
		});
		return granted;
	}

}
