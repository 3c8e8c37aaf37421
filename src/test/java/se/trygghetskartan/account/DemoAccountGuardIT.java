package se.trygghetskartan.account;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TrygghetskartanApplication;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class DemoAccountGuardIT {

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String username;

	@Value("${spring.datasource.password}")
	String password;

	@Test
	void productionRefusesToStartWhileTheDemoAccountsExist() {
		// The shared test database was started with the demo profile, so planner/planner exists.
		SpringApplicationBuilder production = new SpringApplicationBuilder(TrygghetskartanApplication.class)
			.profiles("production");

		assertThatThrownBy(() -> production.run("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + username, "--spring.datasource.password=" + password,
				"--server.port=0")).hasStackTraceContaining("Refusing to start")
			.hasStackTraceContaining("planner");
	}

}
