package se.trygghetskartan.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.trygghetskartan.account.AccountService;
import se.trygghetskartan.account.Grant;
import se.trygghetskartan.account.SignInService;
import se.trygghetskartan.account.SignInThrottledException;
import se.trygghetskartan.system.DatabaseFailures;
import se.trygghetskartan.system.ProblemResponses;
import se.trygghetskartan.system.RequestError;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/** Who may do what, and how browsers and scripts prove who they are. */
@Configuration
@EnableJpaAuditing(auditorAwareRef = "currentUser")
class SecurityConfig {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	// The OGC API, under /ogc or a municipality's prefix (/flen/ogc).
	private static final Pattern OGC = Pattern.compile("(/[^/]+)?/ogc(/|$)");

	private final ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();

	private final ContentSecurityPolicy contentSecurityPolicy;

	private final AccountService accounts;

	private final SignInService signIn;

	SecurityConfig(ContentSecurityPolicy contentSecurityPolicy, AccountService accounts, SignInService signIn) {
		this.contentSecurityPolicy = contentSecurityPolicy;
		this.accounts = accounts;
		this.signIn = signIn;
	}

	/**
	 * Scripts and GIS clients: credentials on every request (HTTP Basic with a password or a personal
	 * access token, or a bearer token) and nothing remembered between requests. With no session there is
	 * nothing a foreign site could ride on, so no CSRF token; a session cookie sent along is not even
	 * read, so it can neither authenticate the request nor excuse it from the token.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain scripts(HttpSecurity http) throws Exception {
		RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
		http.securityMatcher(SecurityConfig::carriesScriptCredentials)
			.authorizeHttpRequests(SecurityConfig::rules)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.addFilterBefore(new BearerTokenFilter(signIn, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new PasswordChangeRequiredFilter(accounts, contexts), AuthorizationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(contexts))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.disable())
			.headers(this::headers);
		return http.build();
	}

	/**
	 * Browsers: the login form (and single sign-on when an identity provider is configured), a session
	 * after login, and the CSRF token for every change made with it. Anonymous visitors never get a
	 * session: the login form's token lives in a cookie until there is one
	 * (SessionOrCookieCsrfTokenRepository), and the page to return to after login too. Sessions are
	 * rows in PostgreSQL (Spring Session JDBC), so every instance knows them.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain browsers(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProviders,
			SsoProperties sso) throws Exception {
		SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
		CookieRequestCache pages = pageRequestCache();
		AuthenticationSuccessHandler loggedIn = loggedIn(pages);
		http.authorizeHttpRequests(SecurityConfig::rules)
			.securityContext(context -> context.securityContextRepository(contexts))
			.formLogin(form -> form.loginPage("/login").successHandler(loggedIn).failureHandler(this::loginFailed)
				.permitAll())
			.addFilterBefore(new PasswordChangeRequiredFilter(accounts, contexts), AuthorizationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			.requestCache(cache -> cache.requestCache(pages))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(problems, notPages())
				.accessDeniedHandler(problems))
			.csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokenRepository())
				.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
			.headers(this::headers);
		if (identityProviders.getIfAvailable() != null) {
			http.oauth2Login(oidc -> oidc.loginPage("/login")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new SsoUsers(accounts, sso)))
				.successHandler(loggedIn)
				.failureHandler(SecurityConfig::singleSignOnFailed));
		}
		return http.build();
	}

	/**
	 * After login: a user who must change a temporary password goes to /konto; everyone else back to the
	 * page that asked for the login, or their planning page (their municipality's when they have one).
	 */
	private static AuthenticationSuccessHandler loggedIn(CookieRequestCache pages) {
		SavedRequestAwareAuthenticationSuccessHandler back = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) {
				return CurrentUser.planningPage(authentication);
			}
		};
		back.setRequestCache(pages);
		return (request, response, authentication) -> {
			if (SignedInUsers.has(authentication, SignedInUsers.PASSWORD_CHANGE_REQUIRED)) {
				pages.removeRequest(request, response);
				response.sendRedirect(request.getContextPath() + "/konto");
			}
			else {
				back.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	// Throttled: 429 as everywhere. Otherwise back to the form, which says only "wrong user name or
	// password" (so no session is needed to keep the reason).
	private void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof SignInThrottledException throttled) {
			problems.throttled(request, response, throttled);
		}
		else if (DatabaseFailures.isCause(ex)) {
			// Not "wrong password" when the database could not be asked: the page says to try again later.
			response.sendRedirect(request.getContextPath() + "/login?unavailable");
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?error");
		}
	}

	// The login page explains each refusal by its code; nothing the identity provider wrote is echoed.
	private static void singleSignOnFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		String code = ex instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
		String shown = List.of("no_role", "local_account", "disabled", "no_username").contains(code) ? code : "failed";
		response.sendRedirect(request.getContextPath() + "/login?sso=" + shown);
	}

	private static void rules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		// A municipality's own staff pages (/flen/admin, /flen/planering) as the default's; the API checks the scope.
		requests.requestMatchers("/api/admin/**", "/admin", "/admin.html", "/*/admin").hasRole("ADMIN")
			.requestMatchers("/api/account", "/api/account/**").access(signedInWithoutToken())
			.requestMatchers("/konto", "/konto.html").authenticated()
			.requestMatchers(HttpMethod.GET, "/api/*/*/history").hasRole("PLANNER")
			// What an unpublished walk's stop would become quotes its words: planners only.
			.requestMatchers(HttpMethod.GET, "/api/activities/*/stops/*/suggestion").hasRole("PLANNER")
			.requestMatchers(HttpMethod.GET, "/api/incident-sources").hasAnyRole("PLANNER", "POLICE")
			.requestMatchers(HttpMethod.PUT, "/api/config", "/api/neighbourhoods/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/neighbourhoods/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.DELETE, "/api/neighbourhoods/**").hasRole("ADMIN")
			.requestMatchers("/api/incidents", "/api/incidents/**", "/api/incident-hotspots", "/api/incident-imports",
					"/api/incident-imports/**", "/api/export/incidents.*")
			.hasAnyRole("PLANNER", "POLICE")
			.requestMatchers("/api/imports/**").hasRole("PLANNER")
			// Residents' reports: anyone sends one, adds a voice, follows one by its link and sees the
			// places nearby; the rest (the queue, moderation) is the planners'.
			.requestMatchers(HttpMethod.GET, "/api/reports/nearby", "/api/reports/summary", "/api/reports/follow/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/reports", "/api/places/*/voices").permitAll()
			// E-mail: anyone subscribes; the signed token in the mail's link confirms or unsubscribes.
			.requestMatchers(HttpMethod.POST, "/api/subscriptions", "/api/subscriptions/confirm",
					"/api/subscriptions/unsubscribe", "/api/reports/updates/unsubscribe")
			.permitAll()
			.requestMatchers("/api/reports", "/api/reports/**").hasRole("PLANNER")
			.requestMatchers(HttpMethod.GET, "/api/**").permitAll()
			.requestMatchers("/api/**").hasRole("PLANNER")
			// The OGC API's writes (Part 4), also under a municipality's prefix (/flen/ogc/…): planners, by Basic
			// or a token; which municipality's, the items' own (or the path's for a new one).
			.requestMatchers(HttpMethod.POST, "/ogc/**", "/*/ogc/**").hasRole("PLANNER")
			.requestMatchers(HttpMethod.PUT, "/ogc/**", "/*/ogc/**").hasRole("PLANNER")
			.requestMatchers(HttpMethod.PATCH, "/ogc/**", "/*/ogc/**").hasRole("PLANNER")
			.requestMatchers(HttpMethod.DELETE, "/ogc/**", "/*/ogc/**").hasRole("PLANNER")
			.requestMatchers("/planering", "/planering/**", "/*/planering", "/*/planering/").hasAnyRole("PLANNER", "POLICE")
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			// Metrics are the whole installation's: its admins only, not a municipality's.
			.requestMatchers("/actuator/**").hasAuthority(CurrentUser.GRANT + "admin@" + Grant.INSTALLATION)
			.anyRequest().permitAll();
	}

	// One's own password and tokens: signed in with a password or single sign-on, never with a token, so a
	// leaked token cannot make itself permanent or take the account over.
	private static AuthorizationManager<RequestAuthorizationContext> signedInWithoutToken() {
		return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
				AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(SignedInUsers.TOKEN)));
	}

	private void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.addHeaderWriter(new ContentSecurityPolicyWriter(contentSecurityPolicy))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frame -> frame.deny());
	}

	/**
	 * HTTP Basic or a bearer token sent by a script, not by a browser on another site's behalf: a
	 * browser that once answered a Basic challenge attaches the credentials to every request to this
	 * site, including form posts another site starts, and those say so with Sec-Fetch-Site (scripts send
	 * none). Such requests go to the browser chain, where Basic authenticates nobody.
	 */
	private static boolean carriesScriptCredentials(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		return (sendsBasic(request) || BearerTokenFilter.sendsBearer(request))
				&& (site == null || site.equals("same-origin") || site.equals("none"));
	}

	static boolean sendsBasic(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && StringUtils.startsWithIgnoreCase(authorization.strip(), "Basic ");
	}

	/**
	 * A change made with a session needs the token, and so does the login form (else another site
	 * could log a visitor in to an account of its choosing). A change without a session carries no
	 * credentials in this chain, so there is nothing to forge; it is answered 401. Open311
	 * (/open311/…) is a public API for other civic apps, whose service requests are forms sent by
	 * anyone, as a report on the map is: it never reads the session, so a session sent along neither
	 * helps nor needs a token. What a token would stop, another site's page making its visitors'
	 * browsers send, Open311Controller refuses by Sec-Fetch-Site.
	 */
	private static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod()) || request.getServletPath().startsWith("/open311/")) {
			return false;
		}
		return request.getSession(false) != null || request.getServletPath().equals("/login");
	}

	// Remembers the page asked for before login in a cookie (a relative path only), never in a session.
	private static CookieRequestCache pageRequestCache() {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !notPages().matches(request));
		return cache;
	}

	// API calls (also the OGC API's), actuator calls and the pages' own fetches get 401 problem+json, never a redirect to the form.
	private static RequestMatcher notPages() {
		return request -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/api/") || OGC.matcher(path).lookingAt() || path.startsWith("/actuator/")
					|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
					|| "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
		};
	}

	/**
	 * Before Spring Session and Spring Security, so that both see the client's address and scheme as
	 * a trusted proxy gave them, and nobody else's forwarded headers at all.
	 */
	@Bean
	FilterRegistrationBean<TrustedProxies> trustedProxies(
			@Value("${trygghetskartan.trusted-proxies:}") List<String> addresses) {
		FilterRegistrationBean<TrustedProxies> registration = new FilterRegistrationBean<>(new TrustedProxies(addresses));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * A request the firewall refuses before any filter (a path with //, .. or an encoded slash): a 400
	 * problem like every other bad request, not the container's own page.
	 */
	@Bean
	RequestRejectedHandler requestRejected() {
		return (request, response, ex) -> ProblemResponses.write(request, response,
				ProblemResponses.problem(HttpStatus.BAD_REQUEST, RequestError.MALFORMED_REQUEST));
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_PLANNER\nROLE_ADMIN > ROLE_POLICE");
	}

	@Bean
	AuditorAware<String> currentUser() {
		return () -> {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			if (user == null || user instanceof AnonymousAuthenticationToken) {
				return Optional.of("system");
			}
			return Optional.of(user.getName());
		};
	}

}
