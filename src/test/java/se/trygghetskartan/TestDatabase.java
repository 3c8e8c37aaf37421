package se.trygghetskartan;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostGIS the integration tests run against, one per test JVM: a database named by
 * TEST_DATABASE_URL (with TEST_DATABASE_USERNAME/PASSWORD); else a postgis/postgis container when a
 * Docker engine answers; else a throwaway local cluster from the Debian binaries
 * (db/local-postgis.sh, fsync off) that is removed when the JVM exits.
 */
public final class TestDatabase {

	private static Map<String, String> connection;

	private TestDatabase() {
	}

	static synchronized Map<String, String> connection() {
		if (connection == null) {
			connection = start();
		}
		return connection;
	}

	private static Map<String, String> start() {
		String url = System.getenv("TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return Map.of("url", url, "username", System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres"),
					"password", System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", ""));
		}
		if (dockerAnswers()) {
			return container();
		}
		return startLocalCluster();
	}

	private static Map<String, String> container() {
		PostgreSQLContainer postgis = new PostgreSQLContainer(
				DockerImageName.parse("postgis/postgis:15-3.3").asCompatibleSubstituteFor("postgres"));
		postgis.start();
		return Map.of("url", postgis.getJdbcUrl(), "username", postgis.getUsername(), "password",
				postgis.getPassword());
	}

	private static Map<String, String> startLocalCluster() {
		cluster = LocalCluster.create("trygghetskartan-test-pg");
		return cluster.database("trygghetskartan_test");
	}

	/**
	 * An empty database with PostGIS beside the tests' own, e.g. for a first start without demo data
	 * or to restore a backup into. Needs the throwaway local cluster (the usual case here).
	 */
	public static synchronized Map<String, String> freshDatabase(String name) {
		return localCluster().database(name);
	}

	private static LocalCluster cluster;

	/**
	 * The tests' own local cluster, for the db scripts (backup, restore). Needs the throwaway local
	 * cluster, as {@link #freshDatabase} does.
	 */
	public static synchronized LocalCluster localCluster() {
		connection();
		if (cluster == null) {
			throw new IllegalStateException("A fresh database needs the tests' local cluster; TEST_DATABASE_URL or "
					+ "a Docker engine is in use");
		}
		return cluster;
	}

	/**
	 * A throwaway PostgreSQL + PostGIS cluster from the Debian binaries (db/local-postgis.sh, fsync off),
	 * removed when the JVM exits. Tests may start one of their own to stop and start it under a
	 * running app.
	 */
	public static final class LocalCluster {

		private static final String SCRIPT = Path.of("db/local-postgis.sh").toAbsolutePath().toString();

		private final Path dir;

		private final String port;

		private LocalCluster(Path dir, String port) {
			this.dir = dir;
			this.port = port;
		}

		/** A new cluster in a new temporary directory; {@link #database} initialises and starts it. */
		public static LocalCluster create(String prefix) {
			try {
				Path dir = Files.createTempDirectory(prefix);
				dir.toFile().setReadable(true, false);
				dir.toFile().setExecutable(true, false);
				LocalCluster started = new LocalCluster(dir, String.valueOf(freePort()));
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						started.stop();
						run("rm", "-rf", dir.toString());
					}
					catch (IOException ex) {
						System.err.println("Could not stop the test PostGIS in " + dir + ": " + ex.getMessage());
					}
				}));
				return started;
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not make a directory for a test PostGIS: " + ex.getMessage(), ex);
			}
		}

		/** Starts the cluster (again) and creates this database with PostGIS if it is missing: url, username, password. */
		public Map<String, String> database(String name) {
			try {
				run("bash", SCRIPT, "start", "--dir", dir.toString(), "--port", port, "--db", name, "--fast");
				Map<String, String> env = new HashMap<>();
				for (String line : run("bash", SCRIPT, "env", "--dir", dir.toString(), "--db", name).split("\n")) {
					String[] parts = line.replace("export ", "").split("=", 2);
					if (parts.length == 2) {
						env.put(parts[0], parts[1]);
					}
				}
				return Map.of("url", env.get("SPRING_DATASOURCE_URL"), "username", env.get("SPRING_DATASOURCE_USERNAME"),
						"password", env.get("SPRING_DATASOURCE_PASSWORD"));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not start the test PostGIS in " + dir + ": " + ex.getMessage(), ex);
			}
		}

		/** Stops the cluster, as an outage would; {@link #database} starts it again. */
		public void stop() throws IOException {
			run("bash", SCRIPT, "stop", "--dir", dir.toString());
		}

		/** The cluster's directory (its data, port and the app role's password), for the db scripts. */
		public Path dir() {
			return dir;
		}

	}

	private static boolean dockerAnswers() {
		try {
			Process docker = new ProcessBuilder("docker", "info").redirectErrorStream(true).start();
			docker.getInputStream().readAllBytes();
			return docker.waitFor(20, TimeUnit.SECONDS) && docker.exitValue() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String run(String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException(String.join(" ", command) + " failed:\n" + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		return output;
	}

	/** Points the Spring context at the test database. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, String> db = connection();
			TestPropertyValues
				.of("spring.datasource.url=" + db.get("url"), "spring.datasource.username=" + db.get("username"),
						"spring.datasource.password=" + db.get("password"))
				.applyTo(context);
		}

	}

}
