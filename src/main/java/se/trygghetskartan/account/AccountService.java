package se.trygghetskartan.account;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import se.trygghetskartan.history.ChangeAction;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.ForbiddenException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their role grants: what the admin API does, a user's own password, and the users single
 * sign-on brings. Every change is in the change history (subject "user"), as the user's state before
 * and after: roles, enabled, whether a password must be changed, the active tokens' names.
 */
@Service
public class AccountService {

	/** The scope of the grants that the field "roles" names: this whole installation. */
	static final String INSTALLATION = Grant.INSTALLATION;

	private static final String SUBJECT = "user";

	/** A user's state as the history keeps it: what an admin may change, and nothing secret. */
	private static final String SNAPSHOT = """
			jsonb_build_object(
			  'username', u.username,
			  'displayName', u.display_name,
			  'roles', COALESCE((SELECT jsonb_agg(g.role ORDER BY g.role) FROM role_grant g
			                     WHERE g.username = u.username AND g.scope = '*'), '[]'::jsonb),
			  'grants', COALESCE((SELECT jsonb_agg(g.role || '@' || g.scope ORDER BY g.scope, g.role) FROM role_grant g
			                      WHERE g.username = u.username), '[]'::jsonb),
			  'enabled', u.enabled,
			  'mustChangePassword', u.must_change_password,
			  'hasPassword', u.password_hash IS NOT NULL,
			  'sso', u.sso_registration,
			  'passwordChangedAt', u.password_changed_at,
			  'tokens', COALESCE((SELECT jsonb_agg(t.name || ' (' || t.prefix || '…)' ORDER BY t.id) FROM access_token t
			                      WHERE t.username = u.username AND t.revoked_at IS NULL), '[]'::jsonb))
			""";

	/** The same with what the admin page shows besides. */
	private static final String DETAILS = SNAPSHOT + """
			 || jsonb_build_object('createdAt', u.created_at, 'updatedAt', u.updated_at, 'lastLoginAt', u.last_login_at,
			  'version', u.version)
			""";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final HistoryService history;

	private final ApplicationEventPublisher events;

	private final GrantScopes scopes;

	AccountService(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, HistoryService history,
			ApplicationEventPublisher events, ObjectProvider<GrantScopes> scopes) {
		this.jdbc = jdbc;
		this.scopes = scope -> scope.equals(INSTALLATION) || scopes.getIfAvailable(() -> any -> false).exists(scope);
		this.encoder = encoder;
		this.policy = policy;
		this.history = history;
		this.events = events;
	}

	public Optional<Account> find(String username) {
		return jdbc.sql("""
				SELECT u.username, u.display_name, u.enabled, u.must_change_password,
				  u.password_hash IS NOT NULL AS has_password, u.sso_registration,
				  ARRAY(SELECT g.role || '@' || g.scope FROM role_grant g WHERE g.username = u.username) AS grants
				FROM app_user u WHERE u.username = :username
				""")
			.param("username", username)
			.query((rs, row) -> new Account(rs.getString("username"), rs.getString("display_name"),
					grants(Arrays.asList((String[]) rs.getArray("grants").getArray())), rs.getBoolean("enabled"),
					rs.getBoolean("must_change_password"), rs.getBoolean("has_password"),
					rs.getString("sso_registration")))
			.optional();
	}

	public boolean exists(String username) {
		return find(username).isPresent();
	}

	/** Whether the account exists and its password is the given one (for the demo accounts' guard). */
	public boolean hasPassword(String username, String password) {
		return passwordHash(username).map(hash -> encoder.matches(password, hash)).orElse(false);
	}

	Optional<String> passwordHash(String username) {
		return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :username AND password_hash IS NOT NULL")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	/** Creates a local account as it is, bypassing the policy: for the demo accounts and tests. */
	@Transactional
	public void create(String username, String password, Collection<Role> roles) {
		createWithGrants(username, password, installation(roles));
	}

	/** The same with grants of any scope ("planner@municipality:flen"). */
	@Transactional
	public void createWithGrants(String username, String password, Collection<Grant> grants) {
		jdbc.sql("INSERT INTO app_user (username, password_hash, password_changed_at) VALUES (:username, :hash, now())")
			.param("username", username)
			.param("hash", encoder.encode(password))
			.update();
		grant(username, grants);
		recordCreated(username);
	}

	// ---- the admin API

	/**
	 * Every user the admin manages, by name, as JSON: all of them for an installation admin; for the admin
	 * of municipalities, the users whose every grant lies within them.
	 */
	@Transactional(readOnly = true)
	public String list(String admin) {
		AdminReach reach = reach(admin);
		return jdbc.sql("SELECT COALESCE(jsonb_agg(" + DETAILS + " ORDER BY u.username), '[]'::jsonb)::text FROM app_user u "
				+ "WHERE :all OR (EXISTS (SELECT 1 FROM role_grant g WHERE g.username = u.username) "
				+ "AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.username = u.username AND g.scope <> ALL(:scopes)))")
			.param("all", reach.all())
			.param("scopes", reach.scopes().toArray(String[]::new))
			.query(String.class)
			.single();
	}

	@Transactional(readOnly = true)
	public String details(String admin, String username) {
		reach(admin).requireManages(grantsOf(username));
		return details(username);
	}

	String details(String username) {
		return detailsOf(username).orElseThrow(() -> new NotFoundException("user", username));
	}

	/** A new local user with a temporary password, which the user must change at the first login. */
	@Transactional
	public String create(String admin, JsonNode json) {
		UserBody body = UserBody.read(json);
		String username = body.username();
		String displayName = body.displayName();
		Set<Grant> grants = body.grants(scopes);
		boolean enabled = body.enabled();
		String password = body.password();
		checkPassword(body, "password", password, username);
		body.throwIfInvalid();
		reach(admin).requireManages(grants);
		if (exists(username)) {
			throw new ConflictException(AccountError.USER_EXISTS, "username", username);
		}
		jdbc.sql("""
				INSERT INTO app_user (username, display_name, enabled, password_hash, must_change_password,
				  password_changed_at)
				VALUES (:username, :displayName, :enabled, :hash, true, now())
				""")
			.param("username", username)
			.param("displayName", displayName)
			.param("enabled", enabled)
			.param("hash", encoder.encode(password))
			.update();
		grant(username, grants);
		recordCreated(username);
		return details(username);
	}

	/**
	 * Changes what the body names: display name, roles, enabled, or the password (a reset: the new one
	 * is temporary). The last enabled admin cannot be demoted or disabled.
	 */
	@Transactional
	public String update(String admin, String username, JsonNode json) {
		boolean hadAdmin = lockAdmins();
		String before = snapshot(username).orElseThrow(() -> new NotFoundException("user", username));
		AdminReach reach = reach(admin);
		reach.requireManages(grantsOf(username));
		UserBody body = UserBody.read(json);
		JsonNode named = json.get("username");
		if (named != null && !(named.isString() && named.stringValue().equals(username))) {
			body.reject("username", AccountError.USERNAME_IMMUTABLE);
		}
		String displayName = body.displayName();
		Set<Grant> grants = body.grants(scopes);
		boolean enabled = body.enabled();
		String password = body.has("password") ? body.password() : null;
		if (password != null) {
			checkPassword(body, "password", password, username);
		}
		body.throwIfInvalid();
		if (body.has("displayName")) {
			jdbc.sql("UPDATE app_user SET display_name = :displayName WHERE username = :username")
				.param("displayName", displayName)
				.param("username", username)
				.update();
		}
		if (body.has("enabled")) {
			jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE username = :username")
				.param("enabled", enabled)
				.param("username", username)
				.update();
		}
		if (body.changesGrants()) {
			reach.requireManages(grants);
			replaceGrants(username, grants, body.has("grants"));
		}
		if (password != null) {
			jdbc.sql("""
					UPDATE app_user SET password_hash = :hash, must_change_password = true, password_changed_at = now()
					WHERE username = :username
					""").param("hash", encoder.encode(password)).param("username", username).update();
		}
		ensureAnAdminRemains(username, hadAdmin);
		recordUpdated(username, before);
		if (body.changesGrants() || body.has("enabled") || password != null) {
			events.publishEvent(new AccountAccessChanged(username));
		}
		return details(username);
	}

	@Transactional
	public void delete(String admin, String username) {
		boolean hadAdmin = lockAdmins();
		String before = snapshot(username).orElseThrow(() -> new NotFoundException("user", username));
		reach(admin).requireManages(grantsOf(username));
		long[] idAndVersion = jdbc.sql("SELECT id, version + 1 FROM app_user WHERE username = :username")
			.param("username", username)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		jdbc.sql("DELETE FROM app_user WHERE username = :username").param("username", username).update();
		ensureAnAdminRemains(username, hadAdmin);
		history.record(SUBJECT, idAndVersion[0], idAndVersion[1], ChangeAction.DELETED, before);
		events.publishEvent(new AccountAccessChanged(username));
	}

	/** The user's changes, oldest first: who changed what and when. */
	@Transactional(readOnly = true)
	public String history(String admin, String username) {
		reach(admin).requireManages(grantsOf(username));
		Long id = jdbc.sql("SELECT id FROM app_user WHERE username = :username")
			.param("username", username)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("user", username));
		return history.history(SUBJECT, id);
	}

	// ---- the user's own account

	/**
	 * Sets a user's own new password (the caller has checked the current one) and lifts the duty to
	 * change it.
	 */
	@Transactional
	public void changeOwnPassword(String username, String current, String password) {
		String before = snapshot(username).orElseThrow(() -> new NotFoundException("user", username));
		Reason problem = policy.problem(password, username);
		if (problem == null && password.equals(current)) {
			problem = Reason.of(AccountError.PASSWORD_UNCHANGED);
		}
		if (problem != null) {
			throw InvalidRequestException.body(List.of(new Violation("newPassword", problem)));
		}
		jdbc.sql("""
				UPDATE app_user SET password_hash = :hash, must_change_password = false, password_changed_at = now()
				WHERE username = :username
				""").param("hash", encoder.encode(password)).param("username", username).update();
		recordUpdated(username, before);
	}

	// ---- the first administrator

	public boolean hasEnabledAdmin() {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM app_user u JOIN role_grant g ON g.username = u.username
				               WHERE g.role = 'admin' AND g.scope = '*' AND u.enabled)
				""").query(Boolean.class).single();
	}

	/**
	 * Makes this user an enabled admin with this password, creating it when missing; the password is the
	 * one IT chose, so it need not be changed. Safe when two instances start at once.
	 */
	@Transactional
	void establishAdmin(String username, String password) {
		if (lockAdmins()) {
			return;
		}
		Optional<String> before = snapshot(username);
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, password_changed_at) VALUES (:username, :hash, now())
				ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, enabled = true,
				  must_change_password = false, password_changed_at = now()
				""").param("username", username).param("hash", encoder.encode(password)).update();
		grant(username, installation(List.of(Role.ADMIN)));
		if (before.isPresent()) {
			recordUpdated(username, before.get());
		}
		else {
			recordCreated(username);
		}
	}

	// ---- single sign-on

	/**
	 * A user the identity provider vouched for: created on the first sign-on (without a password), its
	 * display name and grants replaced from the provider's claims on every sign-on.
	 */
	@Transactional
	public Account signedOnWithSso(String registration, String username, String displayName, Set<Grant> grants) {
		if (!UserBody.validUsername(username)) {
			throw new SsoSignInRefused(SsoSignInRefused.Reason.NO_USERNAME,
					"The identity provider sent no usable user name: '" + username + "'");
		}
		Optional<Account> existing = find(username);
		if (existing.isPresent() && existing.get().sso() == null) {
			throw new SsoSignInRefused(SsoSignInRefused.Reason.LOCAL_ACCOUNT,
					"A local account named '" + username + "' exists; an admin must rename or delete it first.");
		}
		if (existing.isPresent() && !existing.get().enabled()) {
			throw new SsoSignInRefused(SsoSignInRefused.Reason.DISABLED, "The account '" + username + "' is disabled.");
		}
		Optional<String> before = snapshot(username);
		jdbc.sql("""
				INSERT INTO app_user (username, display_name, sso_registration, last_login_at)
				VALUES (:username, :displayName, :registration, now())
				ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, last_login_at = now()
				""")
			.param("username", username)
			.param("displayName", displayName)
			.param("registration", registration)
			.update();
		replaceGrants(username, grants, true);
		if (before.isEmpty()) {
			recordCreated(username);
		}
		else if (recordUpdated(username, before.get()) && !existing.get().grants().equals(grants)) {
			events.publishEvent(new AccountAccessChanged(username));
		}
		return find(username).orElseThrow();
	}

	/** Notes a login, at most once a minute, so that scripts sending credentials with every request cost no write each. */
	void loggedIn(String username) {
		jdbc.sql("""
				UPDATE app_user SET last_login_at = now()
				WHERE username = :username AND (last_login_at IS NULL OR last_login_at < now() - interval '1 minute')
				""").param("username", username).update();
	}

	// ---- history

	Optional<String> snapshot(String username) {
		return jdbc.sql("SELECT " + SNAPSHOT + "::text FROM app_user u WHERE u.username = :username")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	private Optional<String> detailsOf(String username) {
		return jdbc.sql("SELECT (" + DETAILS + ")::text FROM app_user u WHERE u.username = :username")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	private void recordCreated(String username) {
		record(username, ChangeAction.CREATED);
	}

	/** Records the change when the state differs from {@code before}; whether it did. */
	boolean recordUpdated(String username, String before) {
		if (snapshot(username).orElseThrow().equals(before)) {
			return false;
		}
		record(username, ChangeAction.UPDATED);
		return true;
	}

	private void record(String username, ChangeAction action) {
		long[] idAndVersion = jdbc.sql("""
				UPDATE app_user SET version = version + 1, updated_at = now() WHERE username = :username
				RETURNING id, version
				""")
			.param("username", username)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		history.record(SUBJECT, idAndVersion[0], idAndVersion[1], action, snapshot(username).orElseThrow());
	}

	// ---- grants

	private void grant(String username, Collection<Grant> grants) {
		for (Grant grant : grants) {
			jdbc.sql("INSERT INTO role_grant (username, scope, role) VALUES (:username, :scope, :role) ON CONFLICT DO NOTHING")
				.param("username", username)
				.param("scope", grant.scope())
				.param("role", Codes.of(grant.role()))
				.update();
		}
	}

	/** Replaces the user's grants: all of them, or (the field "roles" alone) those of the installation. */
	private void replaceGrants(String username, Collection<Grant> grants, boolean all) {
		jdbc.sql("DELETE FROM role_grant WHERE username = :username AND (:all OR scope = :scope)")
			.param("username", username)
			.param("all", all)
			.param("scope", INSTALLATION)
			.update();
		grant(username, grants);
	}

	private Set<Grant> grantsOf(String username) {
		return grants(jdbc.sql("SELECT role || '@' || scope FROM role_grant WHERE username = :username")
			.param("username", username)
			.query(String.class)
			.list());
	}

	private static Set<Grant> grants(List<String> texts) {
		Set<Grant> grants = new HashSet<>();
		texts.forEach(text -> Grant.parse(text).ifPresent(grants::add));
		return grants;
	}

	private static List<Grant> installation(Collection<Role> roles) {
		return roles.stream().map(role -> new Grant(role, INSTALLATION)).toList();
	}

	/**
	 * Whom an admin manages: everyone (an installation admin), or the users whose grants all lie in the
	 * scopes the admin holds the admin role in (a municipality's admin).
	 */
	private AdminReach reach(String admin) {
		Set<String> scopes = new HashSet<>();
		find(admin).map(Account::grants).orElse(Set.of()).stream().filter(grant -> grant.role() == Role.ADMIN)
			.forEach(grant -> scopes.add(grant.scope()));
		return new AdminReach(scopes.contains(INSTALLATION), scopes);
	}

	private record AdminReach(boolean all, Set<String> scopes) {

		void requireManages(Collection<Grant> grants) {
			if (all) {
				return;
			}
			// An account with no grant at all is in no municipality: the installation's admins manage it.
			if (grants.isEmpty()) {
				throw new ForbiddenException(AccountError.SCOPE_NOT_YOURS, "scope", INSTALLATION);
			}
			grants.stream()
				.map(Grant::scope)
				.filter(scope -> !scopes.contains(scope))
				.findFirst()
				.ifPresent(scope -> {
					throw new ForbiddenException(AccountError.SCOPE_NOT_YOURS, "scope", scope);
				});
		}

	}

	/**
	 * Changes that may take away an admin wait for each other, so two admins demoting each other at
	 * the same moment cannot leave none; whether an enabled admin exists.
	 */
	private boolean lockAdmins() {
		jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('trygghetskartan.admins'))) AS locked")
			.query(Integer.class)
			.single();
		return hasEnabledAdmin();
	}

	private void ensureAnAdminRemains(String username, boolean hadAdmin) {
		if (hadAdmin && !hasEnabledAdmin()) {
			throw new ConflictException(AccountError.LAST_ADMIN, "username", username);
		}
	}

	private void checkPassword(UserBody body, String field, String password, String username) {
		if (password == null) {
			return;
		}
		Reason problem = policy.problem(password, username);
		if (problem != null) {
			body.reject(field, problem);
		}
	}

}
