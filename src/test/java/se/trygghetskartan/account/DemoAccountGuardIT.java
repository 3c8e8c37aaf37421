package se.trygghetskartan.account;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class DemoAccountGuardIT {

	@Test
	void productionRefusesToStartWhileTheDemoAccountsExist() {
		// The shared test database was started with the demo profile, so planner/planner exists.
		assertThatThrownBy(() -> AppInstance.start(AppInstance.sharedDatabase(), "--spring.profiles.active=production")
			.close()).hasStackTraceContaining("Refusing to start").hasStackTraceContaining("planner");
	}

}
