package se.trygghetskartan.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Keeps the CSRF token in the session once there is one, else in a cookie.
 * <p>
 * The cookie lets anonymous visitors get the login form's token without a server session each.
 * After login the token moves into the session (login replaces it, see CsrfAuthenticationStrategy):
 * a cookie alone is weaker there, because a neighbouring subdomain or a plain-HTTP response can set
 * cookies for this site and so choose both the cookie and the token it sends. The cookie is HttpOnly
 * (the pages read the token from {@code GET /api/session}) and SameSite=Strict (only this site's own
 * pages post it).
 */
final class SessionOrCookieCsrfTokenRepository implements CsrfTokenRepository {

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	SessionOrCookieCsrfTokenRepository() {
		// One header name wherever the token lives; the pages take it from GET /api/session anyway.
		cookie.setHeaderName("X-CSRF-TOKEN");
		cookie.setCookieCustomizer(builder -> builder.sameSite("Strict"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		(hasSession(request) ? session : cookie).saveToken(token, request, response);
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return (hasSession(request) ? session : cookie).loadToken(request);
	}

	private static boolean hasSession(HttpServletRequest request) {
		return request.getSession(false) != null;
	}

}
