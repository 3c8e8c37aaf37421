package se.trygghetskartan.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.trygghetskartan.account.SignInThrottledException;
import se.trygghetskartan.system.DatabaseFailures;
import se.trygghetskartan.system.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 for anyone not logged in (with a Basic challenge for scripts, none for the app's own
 * requests so browsers show no password dialog), 429 with Retry-After while logins are throttled, 403
 * for a logged-in user without the role or without a CSRF token; all as problem+json.
 */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof SignInThrottledException throttled) {
			throttled(request, response, throttled);
			return;
		}
		if (DatabaseFailures.isCause(ex)) {
			// The account could not be looked up: not the caller's fault. DatabaseFailures answers 503.
			throw ex;
		}
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Trygghetskartan\"");
		}
		String detail;
		if (request.getHeader("Authorization") == null) {
			detail = "Log in first: in the browser with the login form, from scripts with HTTP Basic.";
		}
		else if (SecurityConfig.sendsBasic(request)) {
			detail = "The user name or password is wrong.";
		}
		else if (BearerTokenFilter.sendsBearer(request)) {
			detail = "The token is wrong, expired or revoked.";
		}
		else {
			detail = "Scripts send HTTP Basic (user name and password or personal access token) or a bearer token; "
					+ "in the browser, log in with the login form.";
		}
		ProblemResponses.write(request, response,
				ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Authentication required", detail));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || user instanceof AnonymousAuthenticationToken) {
			commence(request, response, null);
			return;
		}
		String detail;
		if (ex instanceof CsrfException) {
			detail = "The CSRF token is missing or out of date: reload the page and try again.";
		}
		else if (SignedInUsers.has(user, SignedInUsers.TOKEN) && request.getRequestURI().contains("/api/account")) {
			detail = "A personal access token cannot change passwords or manage tokens: sign in with your password.";
		}
		else {
			detail = "Your account (" + user.getName() + ") does not have the role this needs.";
		}
		ProblemResponses.write(request, response, ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden", detail));
	}

	/** 429 with the seconds until the next attempt may be made, for the login form, Basic and tokens alike. */
	void throttled(HttpServletRequest request, HttpServletResponse response, SignInThrottledException ex)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		ProblemResponses.write(request, response, ex.problem());
	}

}
