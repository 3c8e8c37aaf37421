package se.trygghetskartan.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.trygghetskartan.account.Account;
import se.trygghetskartan.account.AccountService;
import se.trygghetskartan.system.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After an admin reset the password, the user may sign in only to change it: every other request is
 * 403 (and a page sends the browser to /konto, which says why). Once the password is changed (here or
 * on another instance) the session gets its roles on its next request, without a new login.
 */
final class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	private final AccountService accounts;

	private final SecurityContextRepository contexts;

	PasswordChangeRequiredFilter(AccountService accounts, SecurityContextRepository contexts) {
		this.accounts = accounts;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (!SignedInUsers.has(user, SignedInUsers.PASSWORD_CHANGE_REQUIRED)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Account> account = accounts.find(user.getName());
		if (account.isPresent() && account.get().enabled() && !account.get().mustChangePassword()) {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(SignedInUsers.authenticated(account.get(),
					SignedInUsers.has(user, SignedInUsers.TOKEN), user.getDetails()));
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (allowed(request.getMethod(), path)) {
			chain.doFilter(request, response);
		}
		else if (isPage(request.getMethod(), path)) {
			response.sendRedirect(request.getContextPath() + "/konto");
		}
		else {
			ProblemResponses.write(request, response,
					ProblemResponses.problem(HttpStatus.FORBIDDEN, SecurityError.PASSWORD_CHANGE_REQUIRED));
		}
	}

	// What changing the password needs: who am I, the page with the municipality's name in its header,
	// its scripts and styles, and logging out.
	private static boolean allowed(String method, String path) {
		boolean reading = method.equals("GET") || method.equals("HEAD");
		if (reading && (path.equals("/api/session") || path.equals("/api/account") || path.equals("/api/config")
				|| path.equals("/konto") || path.equals("/login"))) {
			return true;
		}
		if (method.equals("PUT") && path.equals("/api/account/password")) {
			return true;
		}
		if (method.equals("POST") && path.equals("/logout")) {
			return true;
		}
		return reading && !path.startsWith("/api/") && !path.startsWith("/actuator/")
				&& path.substring(path.lastIndexOf('/') + 1).contains(".");
	}

	private static boolean isPage(String method, String path) {
		return method.equals("GET") && !path.startsWith("/api/") && !path.startsWith("/actuator/");
	}

}
