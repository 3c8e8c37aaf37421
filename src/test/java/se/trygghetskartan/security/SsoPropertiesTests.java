package se.trygghetskartan.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.account.Grant;
import se.trygghetskartan.account.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SsoPropertiesTests {

	final SsoProperties properties = new SsoProperties("preferred_username", "groups",
			Map.of("admin", List.of("IT-Admin")),
			List.of("Kat-Planerare=planner@municipality:katrineholm", "Polis-Ost=police@region:ost"));

	@Test
	void groupsGiveRolesInTheWholeInstallationOrInTheScopeTheirEntrySays() {
		assertThat(properties.grantsFor(List.of("Alla", "Kat-Planerare", "Polis-Ost"))).containsExactlyInAnyOrder(
				new Grant(Role.PLANNER, "municipality:katrineholm"), new Grant(Role.POLICE, "region:ost"));
		assertThat(properties.grantsFor("IT-Admin Kat-Planerare")).containsExactlyInAnyOrder(new Grant(Role.ADMIN, "*"),
				new Grant(Role.PLANNER, "municipality:katrineholm"));
		assertThat(properties.grantsFor(List.of("Ekonomi"))).isEmpty();
	}

	@Test
	void anEntryThatIsNotGroupEqualsGrantStopsTheStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SsoProperties("preferred_username", "groups", Map.of(),
					List.of("Kat-Planerare=mayor@municipality:katrineholm")))
			.withMessageContaining("Kat-Planerare=mayor");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new SsoProperties("preferred_username", "groups", Map.of(), List.of("planner@municipality:flen")));
	}

}
