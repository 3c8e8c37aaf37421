package se.trygghetskartan.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.trygghetskartan.account.SignInService;
import se.trygghetskartan.account.SignInService.SignedIn;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <personal access token>} for the scripts' chain: checked on every
 * request (throttled like a password), remembered nowhere. A bad token is answered at once.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private final SignInService signIn;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(SignInService signIn, AuthenticationEntryPoint entryPoint) {
		this.signIn = signIn;
		this.entryPoint = entryPoint;
	}

	static boolean sendsBearer(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && StringUtils.startsWithIgnoreCase(authorization.strip(), "Bearer ");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!sendsBearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		String token = request.getHeader(HttpHeaders.AUTHORIZATION).strip().substring("Bearer ".length()).strip();
		try {
			SignedIn signedIn = signIn.withToken(token, request.getRemoteAddr());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(SignedInUsers.authenticated(signedIn.account(), true,
					new WebAuthenticationDetails(request)));
			SecurityContextHolder.setContext(context);
		}
		catch (AuthenticationException ex) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

}
