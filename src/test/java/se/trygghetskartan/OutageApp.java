package se.trygghetskartan;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the app, with the demo data, on a PostGIS cluster of its own that tests
 * stop and start as an outage would, while the shared test database keeps running for every other
 * test. One per test JVM, started by the first test that asks for it; a test that stops the
 * database starts it again before it ends. Public statements time out after 2 s here (5 s by
 * default) and Retry-After says 2 s, so the tests of both stay short.
 */
public final class OutageApp {

	private static final String DATABASE = "trygghetskartan_outage";

	private static OutageApp instance;

	private final TestDatabase.LocalCluster cluster;

	private final Map<String, String> database;

	private final ConfigurableApplicationContext context;

	private OutageApp() {
		this.cluster = TestDatabase.LocalCluster.create("trygghetskartan-outage-pg");
		this.database = cluster.database(DATABASE);
		// As arguments: properties() would only set defaults, below application.yml's local cluster.
		this.context = new SpringApplicationBuilder(TrygghetskartanApplication.class).profiles("demo")
			.run("--server.port=0", "--spring.datasource.url=" + database.get("url"),
					"--spring.datasource.username=" + database.get("username"),
					"--spring.datasource.password=" + database.get("password"),
					"--trygghetskartan.map.tile-url=" + TestTiles.url(),
					"--trygghetskartan.db.public-statement-timeout=2s", "--trygghetskartan.db.retry-after=2s",
					// Actuator on a port of its own, as README's "In production" offers.
					"--management.server.port=0",
					// The shared context of the other tests registers no JMX beans either.
					"--spring.jmx.enabled=false");
		Runtime.getRuntime().addShutdownHook(new Thread(context::close));
	}

	/** The instance, started on first use. */
	public static synchronized OutageApp get() {
		if (instance == null) {
			instance = new OutageApp();
		}
		return instance;
	}

	public int port() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	/** The management port: /actuator is there, not on the main port. */
	public int managementPort() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
	}

	public ApiClient api() {
		return new ApiClient(port());
	}

	/** Stops the database cluster, as an outage would (PostgreSQL's fast shutdown). */
	public void stopDatabase() throws IOException {
		cluster.stop();
	}

	/** Starts the database cluster again. */
	public void startDatabase() {
		cluster.database(DATABASE);
	}

	/** A connection of our own to the instance's database, as the app's role. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(database.get("url"), database.get("username"), database.get("password"));
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

}
