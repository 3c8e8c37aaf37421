package se.trygghetskartan.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.ErrorCode;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;

/**
 * A user as the admin API receives it. Every field but the user name may be left out of a change
 * (and then stays as it is); every problem is collected and answered at once with 422.
 */
final class UserBody {

	/** Letters, digits and . _ @ - : names people type, and the e-mail-like names identity providers send. */
	static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");

	private static final Set<String> FIELDS = Set.of("username", "displayName", "roles", "grants", "enabled",
			"password");

	private final JsonNode node;

	private final List<Violation> violations = new ArrayList<>();

	private UserBody(JsonNode node) {
		this.node = node;
	}

	static UserBody read(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw InvalidRequestException.body("", RequestError.NOT_JSON_OBJECT);
		}
		UserBody body = new UserBody(node);
		for (String name : node.propertyNames()) {
			if (!FIELDS.contains(name)) {
				body.reject(name, RequestError.NOT_A_FIELD, "fields", FIELDS.stream().sorted().toList());
			}
		}
		return body;
	}

	/** Whether a user name is 1 to 100 letters, digits or the characters . _ @ -. */
	static boolean validUsername(String username) {
		return username != null && USERNAME.matcher(username).matches();
	}

	boolean has(String name) {
		return node.has(name);
	}

	String username() {
		JsonNode value = node.get("username");
		if (value == null || !value.isString() || !validUsername(value.stringValue())) {
			reject("username", AccountError.USERNAME_FORMAT);
			return null;
		}
		return value.stringValue();
	}

	/** The display name, null when blank or left out. */
	String displayName() {
		JsonNode value = node.get("displayName");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() || value.stringValue().strip().length() > 200) {
			reject("displayName", RequestError.TOO_LONG, "max", 200);
			return null;
		}
		String text = value.stringValue().strip();
		return text.isEmpty() ? null : text;
	}

	Set<Role> roles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		JsonNode value = node.get("roles");
		if (value == null || value.isNull()) {
			return roles;
		}
		if (!value.isArray()) {
			reject("roles", RequestError.NOT_ARRAY);
			return roles;
		}
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			int index = i;
			Codes.find(Role.class, item.isString() ? item.stringValue() : null).ifPresentOrElse(roles::add,
					() -> reject("roles[" + index + "]", RequestError.NOT_ONE_OF, "value",
							item.isString() ? item.stringValue() : item.toString(), "allowed", Codes.allowed(Role.class)));
		}
		return roles;
	}

	/** Whether the body changes the user's grants: with "roles" (the installation's), "grants" (any), or both. */
	boolean changesGrants() {
		return has("roles") || has("grants");
	}

	/**
	 * The grants the body gives: "roles" as grants of the whole installation, and "grants" as
	 * {@code role@scope} texts ({@code planner@municipality:flen}) of scopes that exist.
	 */
	Set<Grant> grants(GrantScopes scopes) {
		Set<Grant> grants = new HashSet<>();
		roles().forEach(role -> grants.add(new Grant(role, Grant.INSTALLATION)));
		JsonNode value = node.get("grants");
		if (value == null || value.isNull()) {
			return grants;
		}
		if (!value.isArray()) {
			reject("grants", RequestError.NOT_ARRAY);
			return grants;
		}
		for (int i = 0; i < value.size(); i++) {
			String text = value.get(i).isString() ? value.get(i).stringValue() : value.get(i).toString();
			Grant grant = Grant.parse(text).orElse(null);
			if (grant == null) {
				reject("grants[" + i + "]", AccountError.GRANT_FORMAT, "value", text);
			}
			else if (!scopes.exists(grant.scope())) {
				reject("grants[" + i + "]", AccountError.UNKNOWN_SCOPE, "scope", grant.scope());
			}
			else {
				grants.add(grant);
			}
		}
		return grants;
	}

	boolean enabled() {
		JsonNode value = node.get("enabled");
		if (value == null || value.isNull()) {
			return true;
		}
		if (!value.isBoolean()) {
			reject("enabled", RequestError.NOT_BOOLEAN);
			return true;
		}
		return value.booleanValue();
	}

	String password() {
		JsonNode value = node.get("password");
		if (value == null || value.isNull() || !value.isString()) {
			reject("password", AccountError.TEMPORARY_PASSWORD_REQUIRED);
			return null;
		}
		return value.stringValue();
	}

	void reject(String field, ErrorCode code, Object... namesAndValues) {
		violations.add(new Violation(field, code, namesAndValues));
	}

	void reject(String field, Reason reason) {
		violations.add(new Violation(field, reason));
	}

	void throwIfInvalid() {
		if (!violations.isEmpty()) {
			throw InvalidRequestException.body(violations);
		}
	}

}
