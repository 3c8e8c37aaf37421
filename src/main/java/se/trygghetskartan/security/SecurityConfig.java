package se.trygghetskartan.security;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import se.trygghetskartan.system.DatabaseFailures;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Who may do what, and how browsers and scripts prove who they are. */
@Configuration
@EnableJpaAuditing(auditorAwareRef = "currentUser")
class SecurityConfig implements WebMvcConfigurer {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();

	private final String tileUrl;

	SecurityConfig(@Value("${trygghetskartan.map.tile-url}") String tileUrl) {
		this.tileUrl = tileUrl;
	}

	/**
	 * Scripts and GIS clients: credentials on every request and nothing remembered between requests.
	 * With no session there is nothing a foreign site could ride on, so no CSRF token; a session
	 * cookie sent along is not even read, so it can neither authenticate the request nor excuse it
	 * from the token. Personal access tokens (Bearer) belong here too when they come: match them in
	 * {@link #carriesScriptCredentials} and add their filter to this chain.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain scripts(HttpSecurity http) throws Exception {
		http.securityMatcher(SecurityConfig::carriesScriptCredentials)
			.authorizeHttpRequests(SecurityConfig::rules)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.disable())
			.headers(this::headers);
		return http.build();
	}

	/**
	 * Browsers: the login form, a session after login, and the CSRF token for every change made with
	 * it. Anonymous visitors never get a session: the login form's token lives in a cookie until there
	 * is one (SessionOrCookieCsrfTokenRepository), and the page to return to after login too.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain browsers(HttpSecurity http) throws Exception {
		SimpleUrlAuthenticationFailureHandler loginFailed = new SimpleUrlAuthenticationFailureHandler("/login?error");
		// The page only says "wrong user name or password"; keeping the exception would need a session.
		loginFailed.setAllowSessionCreation(false);
		// Not "wrong password" when the database could not be asked: the page says to try again later.
		SimpleUrlAuthenticationFailureHandler loginUnavailable = new SimpleUrlAuthenticationFailureHandler(
				"/login?unavailable");
		loginUnavailable.setAllowSessionCreation(false);
		http.authorizeHttpRequests(SecurityConfig::rules)
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/planering")
				.failureHandler((request, response, ex) -> (DatabaseFailures.isCause(ex) ? loginUnavailable
						: loginFailed).onAuthenticationFailure(request, response, ex))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			.requestCache(cache -> cache.requestCache(pageRequestCache()))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(problems, notPages())
				.accessDeniedHandler(problems))
			.csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokenRepository())
				.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
			.headers(this::headers);
		return http.build();
	}

	private static void rules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/*/*/history").hasRole("PLANNER")
			.requestMatchers("/api/incidents", "/api/incidents/**", "/api/incident-hotspots", "/api/incident-imports",
					"/api/incident-imports/**")
			.hasAnyRole("PLANNER", "POLICE")
			.requestMatchers(HttpMethod.GET, "/api/**").permitAll()
			.requestMatchers("/api/**").hasRole("PLANNER")
			.requestMatchers("/planering", "/planering/**").hasAnyRole("PLANNER", "POLICE")
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").hasRole("ADMIN")
			.anyRequest().permitAll();
	}

	private void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frame -> frame.deny());
	}

	/**
	 * HTTP Basic sent by a script, not by a browser on another site's behalf: a browser that once
	 * answered a Basic challenge attaches the credentials to every request to this site, including
	 * form posts another site starts, and those say so with Sec-Fetch-Site (scripts send none). Such
	 * requests go to the browser chain, where Basic authenticates nobody.
	 */
	private static boolean carriesScriptCredentials(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		return sendsBasic(request) && (site == null || site.equals("same-origin") || site.equals("none"));
	}

	static boolean sendsBasic(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && StringUtils.startsWithIgnoreCase(authorization.strip(), "Basic ");
	}

	/**
	 * A change made with a session needs the token, and so does the login form (else another site
	 * could log a visitor in to an account of its choosing). A change without a session carries no
	 * credentials in this chain, so there is nothing to forge; it is answered 401.
	 */
	private static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
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

	// API calls, actuator calls and the pages' own fetches get 401 problem+json, never a redirect to the form.
	private static RequestMatcher notPages() {
		return request -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/api/") || path.startsWith("/actuator/")
					|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
					|| "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
		};
	}

	static String contentSecurityPolicy(String tileUrl) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: " + origin(tileUrl)
				+ "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
				+ "frame-ancestors 'none'";
	}

	private static String origin(String tileUrl) {
		if (!tileUrl.startsWith("http://") && !tileUrl.startsWith("https://")) {
			return ""; // data: and same-origin tiles are allowed already
		}
		URI uri = URI.create(tileUrl.replaceAll("[{}]", ""));
		String host = uri.getHost() == null ? "" : uri.getHost();
		// {s}.tile.example.org serves from several subdomains.
		String pattern = tileUrl.contains("{s}.") ? "*." + host.substring(host.indexOf('.') + 1) : host;
		return uri.getScheme() + "://" + pattern + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_PLANNER\nROLE_ADMIN > ROLE_POLICE");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/login").setViewName("forward:/login.html");
		registry.addViewController("/uppfoljning").setViewName("forward:/uppfoljning.html");
		registry.addViewController("/vandring").setViewName("forward:/vandring.html");
		registry.addViewController("/planering").setViewName("forward:/planering/index.html");
		registry.addViewController("/planering/").setViewName("forward:/planering/index.html");
	}

}
