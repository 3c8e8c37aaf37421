package se.trygghetskartan.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.trygghetskartan.account.SignInThrottledException;
import se.trygghetskartan.system.DatabaseFailures;
import se.trygghetskartan.system.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
		SecurityError why;
		if (request.getHeader("Authorization") == null) {
			why = SecurityError.LOGIN_REQUIRED;
		}
		else if (SecurityConfig.sendsBasic(request)) {
			why = SecurityError.WRONG_CREDENTIALS;
		}
		else if (BearerTokenFilter.sendsBearer(request)) {
			why = SecurityError.WRONG_TOKEN;
		}
		else {
			why = SecurityError.UNKNOWN_AUTHORIZATION;
		}
		ProblemResponses.write(request, response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, why));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || user instanceof AnonymousAuthenticationToken) {
			commence(request, response, null);
			return;
		}
		ProblemDetail problem;
		if (ex instanceof CsrfException) {
			problem = ProblemResponses.problem(HttpStatus.FORBIDDEN, SecurityError.CSRF_TOKEN);
		}
		else if (SignedInUsers.has(user, SignedInUsers.TOKEN) && request.getRequestURI().contains("/api/account")) {
			problem = ProblemResponses.problem(HttpStatus.FORBIDDEN, SecurityError.TOKEN_CANNOT_MANAGE_ACCOUNT);
		}
		else {
			problem = ProblemResponses.problem(HttpStatus.FORBIDDEN, SecurityError.ROLE_MISSING, "username",
					user.getName());
		}
		ProblemResponses.write(request, response, problem);
	}

	/** 429 with the seconds until the next attempt may be made, for the login form, Basic and tokens alike. */
	void throttled(HttpServletRequest request, HttpServletResponse response, SignInThrottledException ex)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		ProblemResponses.write(request, response, ex.problem());
	}

}
