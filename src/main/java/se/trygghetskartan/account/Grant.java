package se.trygghetskartan.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import se.trygghetskartan.system.Codes;

/**
 * A role within a scope: the whole installation ({@code *}), one municipality
 * ({@code municipality:katrineholm}) or a police region ({@code region:ost}). Written
 * {@code planner@municipality:katrineholm}; a role alone ({@code planner}) is the installation's.
 */
public record Grant(Role role, String scope) {

	/** The scope of the whole installation. */
	public static final String INSTALLATION = "*";

	/** The prefix of a municipality's scope. */
	public static final String MUNICIPALITY = "municipality:";

	/** The prefix of a police region's scope. */
	public static final String REGION = "region:";

	private static final Pattern SCOPE = Pattern.compile("\\*|(municipality|region):[a-z0-9]+(-[a-z0-9]+)*");

	/** Whether the text is a scope of one of the three kinds (whether it exists is another matter). */
	public static boolean validScope(String scope) {
		return scope != null && SCOPE.matcher(scope).matches();
	}

	/** {@code role} or {@code role@scope}, or empty when it is neither. */
	public static Optional<Grant> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		int at = text.indexOf('@');
		String role = (at < 0 ? text : text.substring(0, at)).strip().toLowerCase(Locale.ROOT);
		String scope = at < 0 ? INSTALLATION : text.substring(at + 1).strip();
		return Codes.find(Role.class, role).filter(found -> validScope(scope)).map(found -> new Grant(found, scope));
	}

	/** The scope of one municipality. */
	public static String municipality(String slug) {
		return MUNICIPALITY + slug;
	}

	/** Whether this grant lets its holder act as {@code wanted} (an admin as planner or police too). */
	public boolean gives(Role wanted) {
		return role == wanted || role == Role.ADMIN;
	}

	@Override
	public String toString() {
		return Codes.of(role) + "@" + scope;
	}

}
