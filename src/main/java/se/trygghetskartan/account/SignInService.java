package se.trygghetskartan.account;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks credentials: a password, or a personal access token as the password of HTTP Basic or as a
 * bearer token. Every check passes the login throttle first. An unknown user name, a wrong password,
 * a disabled account and an SSO account without a password all fail alike, with one message and one
 * bcrypt comparison (against a dummy hash when there is no real one), so neither the answer nor its
 * time tells whether a user name exists.
 */
@Service
public class SignInService {

	private static final String WRONG = "The user name or password is wrong.";

	private final AccountService accounts;

	private final AccessTokens tokens;

	private final LoginThrottle throttle;

	private final PasswordEncoder encoder;

	private final String dummyHash;

	SignInService(AccountService accounts, AccessTokens tokens, LoginThrottle throttle, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.throttle = throttle;
		this.encoder = encoder;
		this.dummyHash = encoder.encode(UUID.randomUUID().toString());
	}

	/** Who signed in, and whether with a token (which may not manage passwords and tokens). */
	public record SignedIn(Account account, boolean withToken) {
	}

	/** A password only: for changing it, where a token must not stand in for it. */
	public SignedIn withPassword(String username, String password, String address) {
		return attempt(username, address, () -> password(username, password));
	}

	/** HTTP Basic and the login form: the password, or a personal access token of this user. */
	public SignedIn withPasswordOrToken(String username, String secret, String address) {
		return attempt(username, address, () -> {
			if (AccessTokens.looksLikeToken(secret)) {
				Optional<SignedIn> byToken = tokens.owner(secret)
					.filter(username::equals)
					.flatMap(accounts::find)
					.filter(Account::enabled)
					.map(account -> new SignedIn(account, true));
				if (byToken.isPresent()) {
					return byToken;
				}
			}
			return password(username, secret);
		});
	}

	/** {@code Authorization: Bearer}: the token alone names its user. */
	public SignedIn withToken(String token, String address) {
		return attempt(null, address, () -> tokens.owner(token)
			.flatMap(accounts::find)
			.filter(Account::enabled)
			.map(account -> new SignedIn(account, true)));
	}

	private Optional<SignedIn> password(String username, String password) {
		Optional<String> hash = accounts.passwordHash(username);
		boolean matches = encoder.matches(password == null ? "" : password, hash.orElse(dummyHash));
		if (!matches || hash.isEmpty()) {
			return Optional.empty();
		}
		return accounts.find(username).filter(Account::enabled).map(account -> new SignedIn(account, false));
	}

	private SignedIn attempt(String username, String address, Supplier<Optional<SignedIn>> check) {
		LoginThrottle.Attempt attempt = throttle.check(username, address);
		Optional<SignedIn> signedIn = check.get();
		if (signedIn.isEmpty()) {
			attempt.failed();
			throw new BadCredentialsException(WRONG);
		}
		attempt.succeeded();
		accounts.loggedIn(signedIn.get().account().username());
		return signedIn.get();
	}

}
