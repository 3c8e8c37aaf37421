package se.trygghetskartan.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrantTests {

	@Test
	void aGrantIsARoleWithinAScopeAndARoleAloneIsTheInstallations() {
		assertThat(Grant.parse("planner@municipality:flen")).contains(new Grant(Role.PLANNER, "municipality:flen"));
		assertThat(Grant.parse("police@region:ost")).contains(new Grant(Role.POLICE, "region:ost"));
		assertThat(Grant.parse("Admin")).contains(new Grant(Role.ADMIN, "*"));
		assertThat(Grant.parse("admin@*")).contains(new Grant(Role.ADMIN, "*"));
		assertThat(new Grant(Role.PLANNER, "municipality:flen")).hasToString("planner@municipality:flen");
	}

	@Test
	void unknownRolesAndScopesAreNoGrants() {
		assertThat(Grant.parse("mayor@municipality:flen")).isEmpty();
		assertThat(Grant.parse("planner@county:sodermanland")).isEmpty();
		assertThat(Grant.parse("planner@municipality:Flen")).isEmpty();
		assertThat(Grant.parse("planner@")).isEmpty();
		assertThat(Grant.parse(null)).isEmpty();
	}

	@Test
	void anAdminActsAsPlannerAndPoliceWhereItIsGranted() {
		Grant admin = new Grant(Role.ADMIN, "municipality:flen");

		assertThat(admin.gives(Role.PLANNER)).isTrue();
		assertThat(admin.gives(Role.POLICE)).isTrue();
		assertThat(new Grant(Role.POLICE, "*").gives(Role.PLANNER)).isFalse();
	}

}
