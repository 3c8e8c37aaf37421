package se.trygghetskartan.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OpenApiConfig {

	@Bean
	OpenAPI trygghetskartanApi() {
		return new OpenAPI().info(new Info().title("Trygghetskartan API")
			.version("1")
			.description("Unsafe places, measures and neighbourhoods as GeoJSON (RFC 7946, lon/lat). "
					+ "Reads are public; changes need the planner role (HTTP Basic for scripts, or the login "
					+ "form's session with its CSRF token). Changes need If-Match with the ETag read before. "
					+ "Errors are RFC 9457 application/problem+json."));
	}

}
