package se.trygghetskartan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port, on real PostGIS with the Katrineholm demo data, driven over real
 * HTTP, with single sign-on against the tests' own OpenID Connect provider (TestOidc). All
 * integration tests share one context and one database (a test class that changes a
 * property gets a context of its own, on the same database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Background tiles from the test's own tile server (TestTiles), so browser tests need no internet; static
// files and pages cached as in production (the demo profile makes them anew for every request); mail to the
// test's own SMTP server (TestSmtp), sent from the outbox every half second.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "trygghetskartan.map.tile-url=${test.tiles.url}", "spring.web.resources.chain.cache=true",
				"trygghetskartan.mail.send-every=500ms" })
@ActiveProfiles("demo")
@ContextConfiguration(initializers = { TestDatabase.Initializer.class, TestTiles.Initializer.class,
		TestOidc.Initializer.class, TestSmtp.Initializer.class })
public @interface IntegrationTest {

}
