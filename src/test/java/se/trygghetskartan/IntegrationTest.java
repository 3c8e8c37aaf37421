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
 * HTTP. All integration tests share one context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// A blank data: image as the background map, so browser tests need no network for tiles.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "trygghetskartan.map.tile-url="
		+ "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public @interface IntegrationTest {

}
