package se.trygghetskartan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the app in the test JVM, on a random port: beside the shared test context on its
 * database (as a second instance behind a load balancer), or on a fresh database (a production start).
 * The caller closes it.
 */
public final class AppInstance {

	private AppInstance() {
	}

	/** The shared test context's database: url, username, password. */
	public static Map<String, String> sharedDatabase() {
		return TestDatabase.connection();
	}

	/** Starts the app on this database with these further arguments ("--name=value"), profiles among them. */
	public static ConfigurableApplicationContext start(Map<String, String> database, String... arguments) {
		return start(database, new Class<?>[0], arguments);
	}

	/**
	 * The same, with further sources of beans beside the app's own: classes with {@code @Bean} methods
	 * and no annotation of their own, so that component scanning never puts them in another context.
	 */
	public static ConfigurableApplicationContext start(Map<String, String> database, Class<?>[] sources,
			String... arguments) {
		List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + database.get("url"),
				"--spring.datasource.username=" + database.get("username"),
				"--spring.datasource.password=" + database.get("password"), "--server.port=0"));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(TrygghetskartanApplication.class).sources(sources)
			.run(all.toArray(String[]::new));
	}

	public static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

}
