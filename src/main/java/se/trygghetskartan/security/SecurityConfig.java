package se.trygghetskartan.security;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
@EnableJpaAuditing(auditorAwareRef = "currentUser")
class SecurityConfig implements WebMvcConfigurer {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http,
			@Value("${trygghetskartan.map.tile-url}") String tileUrl) throws Exception {
		ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.GET, "/api/*/*/history").hasRole("PLANNER")
			.requestMatchers("/api/incidents", "/api/incidents/**", "/api/incident-hotspots", "/api/incident-imports",
					"/api/incident-imports/**")
			.hasAnyRole("PLANNER", "POLICE")
			.requestMatchers(HttpMethod.GET, "/api/**").permitAll()
			.requestMatchers("/api/**").hasRole("PLANNER")
			.requestMatchers("/planering", "/planering/**").hasAnyRole("PLANNER", "POLICE")
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").hasRole("ADMIN")
			.anyRequest().permitAll())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/planering").permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			.requestCache(cache -> cache.requestCache(pageRequestCache()))
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(problems, apiRequests())
				.accessDeniedHandler(problems))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/**
	 * Only cookie sessions carry ambient credentials a foreign site could ride on. Scripts that send
	 * HTTP Basic with each request, and requests without a session, need no token (and asking for one
	 * would create a session for every anonymous API call). The login form always needs it.
	 */
	private static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader("Authorization") != null) {
			return false;
		}
		return request.getSession(false) != null || request.getServletPath().equals("/login");
	}

	// Remember only page navigations for after login; API calls must not create sessions.
	private static HttpSessionRequestCache pageRequestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
				&& !request.getRequestURI().startsWith(request.getContextPath() + "/api/"));
		return cache;
	}

	private static RequestMatcher apiRequests() {
		return request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| request.getHeader("Authorization") != null;
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
