package se.trygghetskartan;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(TrygghetskartanApplication.class);

	private final ApplicationModules modules = MODULES;

	@Test
	void modulesDependOnEachOtherOnlyThroughTheirPublicApiAndWithoutCycles() {
		modules.verify();
	}

	@Test
	void eachCapabilityIsItsOwnModule() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("geo", "neighbourhood", "place", "measure", "history", "security", "system", "demo");
	}

}
