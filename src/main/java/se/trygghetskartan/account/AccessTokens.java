package se.trygghetskartan.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: for QGIS and scripts, and for staff who sign in through single sign-on and
 * so have no password here. A token is "tk_" and 256 random bits; it is shown once, and only its
 * SHA-256 is stored. A slow hash (bcrypt) protects guessable passwords; 256 random bits cannot be
 * guessed from a fast hash either, and a fast hash lets every request be looked up by an index instead
 * of costing a bcrypt comparison.
 */
@Component
class AccessTokens {

	static final String PREFIX = "tk_";

	private static final Pattern SHAPE = Pattern.compile("tk_[A-Za-z0-9_-]{43}");

	private static final int MAX_ACTIVE = 20;

	private static final int MAX_DAYS = 366;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AccountService accounts;

	AccessTokens(JdbcClient jdbc, AccountService accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	static boolean looksLikeToken(String secret) {
		return secret != null && SHAPE.matcher(secret).matches();
	}

	/** The user a valid token (not revoked, not expired) belongs to; notes its use at most once a minute. */
	Optional<String> owner(String token) {
		if (!looksLikeToken(token)) {
			return Optional.empty();
		}
		// Read first and write only when the last use is older than a minute: a QGIS session sends a
		// request per tile, and each must not cost a row update.
		Optional<Use> use = jdbc.sql("""
				SELECT id, username, last_used_at IS NULL OR last_used_at < now() - interval '1 minute' AS stale
				FROM access_token WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > now()
				""")
			.param("hash", hash(token))
			.query((rs, row) -> new Use(rs.getLong("id"), rs.getString("username"), rs.getBoolean("stale")))
			.optional();
		use.filter(Use::stale)
			.ifPresent(stale -> jdbc.sql("UPDATE access_token SET last_used_at = now() WHERE id = :id")
				.param("id", stale.id())
				.update());
		return use.map(Use::username);
	}

	private record Use(long id, String username, boolean stale) {
	}

	/** The user's tokens that are not revoked, newest first, as JSON (never the token itself). */
	String list(String username) {
		return jdbc.sql("""
				SELECT COALESCE(json_agg(json_build_object('id', id, 'name', name, 'prefix', prefix, 'createdAt', created_at,
				  'expiresAt', expires_at, 'lastUsedAt', last_used_at, 'expired', expires_at <= now()) ORDER BY id DESC),
				  '[]'::json)::text
				FROM access_token WHERE username = :username AND revoked_at IS NULL
				""").param("username", username).query(String.class).single();
	}

	/** A new token with a name and an expiry date (its last valid day); the answer holds the token, once. */
	@Transactional
	String create(String username, JsonNode body) {
		if (body == null || !body.isObject()) {
			throw InvalidRequestException.body("", RequestError.NOT_JSON_OBJECT);
		}
		JsonNode nameNode = body.get("name");
		String name = nameNode != null && nameNode.isString() ? nameNode.stringValue().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			throw InvalidRequestException.body("name", AccountError.TOKEN_NAME_REQUIRED, "max", 100);
		}
		LocalDate expiresOn = expiresOn(body.get("expiresOn"));
		String before = accounts.snapshot(username).orElseThrow(() -> new NotFoundException("user", username));
		long active = jdbc.sql("SELECT count(*) FROM access_token WHERE username = :username AND revoked_at IS NULL"
				+ " AND expires_at > now()").param("username", username).query(Long.class).single();
		if (active >= MAX_ACTIVE) {
			throw new ConflictException(AccountError.TOKEN_LIMIT, "max", MAX_ACTIVE);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String created = jdbc.sql("""
				INSERT INTO access_token (username, name, token_hash, prefix, expires_at)
				VALUES (:username, :name, :hash, :prefix, CAST(:expiresOn AS date) + 1)
				RETURNING json_build_object('id', id, 'name', name, 'prefix', prefix, 'createdAt', created_at,
				  'expiresAt', expires_at, 'lastUsedAt', last_used_at, 'expired', false, 'token', CAST(:token AS text))::text
				""")
			.param("username", username)
			.param("name", name)
			.param("hash", hash(token))
			.param("prefix", token.substring(0, PREFIX.length() + 6))
			.param("expiresOn", expiresOn.toString())
			.param("token", token)
			.query(String.class)
			.single();
		accounts.recordUpdated(username, before);
		return created;
	}

	@Transactional
	void revoke(String username, long id) {
		String before = accounts.snapshot(username).orElseThrow(() -> new NotFoundException("user", username));
		int revoked = jdbc.sql("""
				UPDATE access_token SET revoked_at = now() WHERE id = :id AND username = :username AND revoked_at IS NULL
				""").param("id", id).param("username", username).update();
		if (revoked == 0) {
			throw new NotFoundException("token of yours", id);
		}
		accounts.recordUpdated(username, before);
	}

	private static LocalDate expiresOn(JsonNode value) {
		InvalidRequestException invalid = InvalidRequestException.body("expiresOn", AccountError.TOKEN_EXPIRY, "days",
				MAX_DAYS);
		if (value == null || !value.isString()) {
			throw invalid;
		}
		try {
			LocalDate date = LocalDate.parse(value.stringValue());
			if (date.isBefore(LocalDate.now()) || date.isAfter(LocalDate.now().plusDays(MAX_DAYS))) {
				throw invalid;
			}
			return date;
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw invalid;
		}
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
