package se.trygghetskartan;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider for the tests (NAV's mock-oauth2-server on loopback), one per test
 * JVM, and the app configured against it only by properties, as a municipality would configure its
 * Entra ID or Keycloak. The shared test context has it, so every other test also shows that local
 * accounts keep working beside single sign-on.
 */
public final class TestOidc {

	/** The registration id, so the login starts at /oauth2/authorization/kommun. */
	public static final String REGISTRATION = "kommun";

	public static final String CLIENT_ID = "trygghetskartan";

	/** The button text: "Logga in med Kommunens konto". */
	public static final String NAME = "Kommunens konto";

	private static MockOAuth2Server server;

	private TestOidc() {
	}

	static synchronized MockOAuth2Server server() {
		if (server == null) {
			server = new MockOAuth2Server();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		}
		return server;
	}

	/**
	 * The next sign-on at the provider is this person: a subject, a user name and the groups claim
	 * (the provider's callbacks are a queue, so call this right before the login it is for).
	 */
	public static void nextSignOn(String username, String name, List<String> groups) {
		server().enqueueCallback(new DefaultOAuth2TokenCallback(REGISTRATION, "subject-" + username, "JWT",
				List.of(CLIENT_ID), Map.of("preferred_username", username, "name", name, "groups", groups), 3600));
	}

	/** Configures the app's OIDC login against the test's provider. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String registration = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
			TestPropertyValues
				.of(registration + "client-id=" + CLIENT_ID, registration + "client-secret=not-a-secret",
						registration + "client-name=" + NAME, registration + "scope=openid,profile",
						"spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri="
								+ server().issuerUrl(REGISTRATION),
						"trygghetskartan.sso.roles.planner=Trygghet-Planerare,GIS",
						"trygghetskartan.sso.roles.police=Lokalpolis", "trygghetskartan.sso.roles.admin=Trygghet-Admin",
						"trygghetskartan.sso.grants=Flen-Planerare=planner@municipality:flen,Polis-Ost=police@region:ost")
				.applyTo(context);
		}

	}

}
