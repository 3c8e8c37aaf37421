package se.trygghetskartan.open311;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Any origin may call Open311, as a public API for other civic apps, but never with credentials: the
 * answers are public and a request sent here acts as nobody. Declared for the path, not on the
 * controller: a handler's own CORS settings would make Spring MVC answer every preflight that two of
 * its mappings match (an endpoint and the catch-all) with an allow-all that admits credentials.
 */
@Configuration
class Open311Cors implements WebMvcConfigurer {

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping(Open311Controller.ROOT + "/**")
			.allowedOrigins("*")
			.allowedMethods("GET", "HEAD", "POST")
			.allowCredentials(false)
			.exposedHeaders(HttpHeaders.RETRY_AFTER)
			.maxAge(3600);
	}

}
