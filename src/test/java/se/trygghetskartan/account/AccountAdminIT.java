package se.trygghetskartan.account;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.BrowserClient;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts part of the admin API, and what a temporary password means for its user. */
@IntegrationTest
class AccountAdminIT {

	static final String PLACE = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2071,58.9962]},
			 "properties":{"name":"Kontotest","reasons":["other"],"source":"other"}}""";

	static final String TEMPORARY = "Tillfälligt-lösen-4711";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	@BeforeEach
	void admin() {
		admin = new ApiClient(port).as("admin", "admin");
	}

	@Test
	void anAdminCreatesAPlannerWhoMustChangeTheTemporaryPasswordBeforeAnythingElse() {
		Response created = admin.post("/api/admin/users", """
				{"username": "acc-kalle", "displayName": "Kalle Karlsson", "roles": ["planner"], "password": "%s"}
				""".formatted(TEMPORARY), "application/json");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/api/admin/users/acc-kalle");
		assertThat(created.json().get("mustChangePassword").booleanValue()).isTrue();
		assertThat(created.json().get("roles")).extracting(JsonNode::stringValue).containsExactly("planner");
		assertThat(created.body()).doesNotContain(TEMPORARY).doesNotContain("bcrypt");

		BrowserClient kalle = BrowserClient.on(port);
		Response login = kalle.logIn("acc-kalle", TEMPORARY);
		assertThat(login.header("Location")).as("straight to the account page").endsWith("/konto");
		assertThat(kalle.session().get("mustChangePassword").booleanValue()).isTrue();
		Response refused = kalle.postPlace(PLACE);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("code").stringValue()).isEqualTo("password_change_required");
		assertThat(refused.json().get("detail").stringValue()).contains("byt det först");
		assertThat(kalle.get("/api/places?limit=1").status()).as("even what the public may read").isEqualTo(403);
		assertThat(kalle.page("/planering").header("Location")).endsWith("/konto");

		assertThat(kalle.put("/api/account/password", password("not-the-password", "Blå-cykel-på-bron-77"))
			.json().get("errors").get(0).get("field").stringValue()).isEqualTo("currentPassword");
		assertThat(kalle.put("/api/account/password", password(TEMPORARY, "hejhej123456")).status()).isEqualTo(422);
		assertThat(kalle.put("/api/account/password", password(TEMPORARY, "Blå-cykel-på-bron-77")).status())
			.isEqualTo(204);

		JsonNode session = kalle.session();
		assertThat(session.get("mustChangePassword").booleanValue()).isFalse();
		assertThat(session.get("roles")).extracting(JsonNode::stringValue).containsExactly("planner");
		assertThat(kalle.postPlace(PLACE).status()).isEqualTo(201);
		assertThat(kalle.get("/api/admin/users").status()).isEqualTo(403);
		assertThat(new ApiClient(port).as("acc-kalle", "Blå-cykel-på-bron-77").get("/api/admin/users").status())
			.isEqualTo(403);
	}

	@Test
	void badAccountsAreRefusedWithEveryReasonAndNothingIsStored() {
		Response refused = admin.post("/api/admin/users", """
				{"username": "acc bad!", "roles": ["planner", "boss"], "password": "kort", "shoeSize": 44}
				""", "application/json");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("errors")).extracting(error -> error.get("field").stringValue())
			.containsExactlyInAnyOrder("shoeSize", "username", "roles[1]", "password");
		assertThat(admin.post("/api/admin/users", """
				{"username": "acc-common", "roles": [], "password": "Sommar2024!!"}""", "application/json")
			.json().get("errors").get(0).get("code").stringValue()).isEqualTo("password_too_common");
		assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username IN ('acc bad!', 'acc-common')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aUserNameIsTakenOnce() {
		assertThat(admin.post("/api/admin/users", user("acc-twice", "planner"), "application/json").status())
			.isEqualTo(201);

		assertThat(admin.post("/api/admin/users", user("acc-twice", "police"), "application/json").status())
			.isEqualTo(409);
	}

	@Test
	void onlyAdminsReachTheAccountsApi() {
		assertThat(new ApiClient(port).get("/api/admin/users").status()).isEqualTo(401);
		assertThat(new ApiClient(port).as("planner", "planner").get("/api/admin/users").status()).isEqualTo(403);
		assertThat(new ApiClient(port).as("police", "police").delete("/api/admin/users/planner", null).status())
			.isEqualTo(403);
		Response list = admin.get("/api/admin/users");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json()).extracting(user -> user.get("username").stringValue()).contains("admin", "planner");
		assertThat(list.body()).doesNotContain("bcrypt").doesNotContain("password_hash");
	}

	@Test
	void everyAdminActionIsInTheUsersHistory() {
		admin.post("/api/admin/users", user("acc-history", "police"), "application/json");
		admin.putJson("/api/admin/users/acc-history", """
				{"displayName": "Hanna Historia", "roles": ["planner", "police"]}""");
		admin.putJson("/api/admin/users/acc-history", "{\"password\": \"Ny-tillfällig-8812\"}");

		JsonNode history = admin.get("/api/admin/users/acc-history/history").json();

		assertThat(history).extracting(change -> change.get("action").stringValue())
			.containsExactly("created", "updated", "updated");
		assertThat(history).extracting(change -> change.get("changedBy").stringValue()).containsOnly("admin");
		JsonNode roles = history.get(1).get("changes").get("roles");
		assertThat(roles.get("from")).extracting(JsonNode::stringValue).containsExactly("police");
		assertThat(roles.get("to")).extracting(JsonNode::stringValue).containsExactly("planner", "police");
		assertThat(history.get(2).get("changes").has("passwordChangedAt")).as("the reset").isTrue();
		assertThat(history.toString()).doesNotContain("Ny-tillfällig-8812");
		admin.delete("/api/admin/users/acc-history", null);
		assertThat(jdbc.sql("SELECT action FROM change_record WHERE subject_type = 'user' AND snapshot->>'username' = 'acc-history' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).isEqualTo("deleted");
	}

	@Test
	void theLastEnabledAdminCannotBeRemovedDisabledOrDemoted() {
		// The demo's admin is the only admin of the shared test database.
		assertThat(admin.putJson("/api/admin/users/admin", "{\"roles\": [\"planner\"]}").status()).isEqualTo(409);
		assertThat(admin.putJson("/api/admin/users/admin", "{\"enabled\": false}").status()).isEqualTo(409);
		Response deleted = admin.delete("/api/admin/users/admin", null);
		assertThat(deleted.status()).isEqualTo(409);
		assertThat(deleted.json().get("code").stringValue()).isEqualTo("last_admin");
		assertThat(deleted.json().get("detail").stringValue()).contains("sista aktiva administratören");
		assertThat(jdbc.sql("SELECT role FROM role_grant WHERE username = 'admin'").query(String.class).list())
			.containsExactly("admin");

		admin.post("/api/admin/users", user("acc-second-admin", "admin"), "application/json");
		assertThat(admin.putJson("/api/admin/users/acc-second-admin", "{\"roles\": [\"police\"]}").status())
			.as("another admin remains").isEqualTo(200);
	}

	@Test
	void disablingAUserEndsTheirSessionAndLogins() {
		admin.post("/api/admin/users", user("acc-leaver", "planner"), "application/json");
		BrowserClient leaver = BrowserClient.on(port);
		leaver.logIn("acc-leaver", TEMPORARY);
		assertThat(leaver.put("/api/account/password", password(TEMPORARY, "Lång-väg-hem-i-kväll")).status())
			.isEqualTo(204);
		assertThat(leaver.session().get("authenticated").booleanValue()).isTrue();

		assertThat(admin.putJson("/api/admin/users/acc-leaver", "{\"enabled\": false}").status()).isEqualTo(200);

		assertThat(leaver.session().get("authenticated").booleanValue()).isFalse();
		assertThat(leaver.logIn("acc-leaver", "Lång-väg-hem-i-kväll").header("Location")).contains("/login?error");
	}

	@Test
	void aPasswordResetIsTemporaryAndEndsTheOldPassword() {
		admin.post("/api/admin/users", user("acc-forgetful", "planner"), "application/json");

		Response reset = admin.putJson("/api/admin/users/acc-forgetful", "{\"password\": \"Återställt-lösen-31\"}");

		assertThat(reset.json().get("mustChangePassword").booleanValue()).isTrue();
		assertThat(new ApiClient(port).as("acc-forgetful", TEMPORARY).get("/api/places?limit=1").status())
			.isEqualTo(401);
		BrowserClient forgetful = BrowserClient.on(port);
		assertThat(forgetful.logIn("acc-forgetful", "Återställt-lösen-31").header("Location")).endsWith("/konto");
	}

	@Test
	void deletingAUserRemovesThemAndTheirTokens() {
		admin.post("/api/admin/users", user("acc-gone", "police"), "application/json");

		assertThat(admin.delete("/api/admin/users/acc-gone", null).status()).isEqualTo(204);

		assertThat(admin.get("/api/admin/users/acc-gone").status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM role_grant WHERE username = 'acc-gone'").query(Long.class).single())
			.isZero();
	}

	static String user(String username, String role) {
		return """
				{"username": "%s", "roles": ["%s"], "password": "%s"}""".formatted(username, role, TEMPORARY);
	}

	static String password(String current, String next) {
		return """
				{"currentPassword": "%s", "newPassword": "%s"}""".formatted(current, next);
	}

}
