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
		return localCluster();
	}

	private static Map<String, String> container() {
		PostgreSQLContainer postgis = new PostgreSQLContainer(
				DockerImageName.parse("postgis/postgis:15-3.3").asCompatibleSubstituteFor("postgres"));
		postgis.start();
		return Map.of("url", postgis.getJdbcUrl(), "username", postgis.getUsername(), "password",
				postgis.getPassword());
	}

	private static Map<String, String> localCluster() {
		try {
			Path dir = Files.createTempDirectory("trygghetskartan-test-pg");
			dir.toFile().setReadable(true, false);
			dir.toFile().setExecutable(true, false);
			String port = String.valueOf(freePort());
			String script = Path.of("db/local-postgis.sh").toAbsolutePath().toString();
			run("bash", script, "start", "--dir", dir.toString(), "--port", port, "--db", "trygghetskartan_test",
					"--fast");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					run("bash", script, "stop", "--dir", dir.toString());
					run("rm", "-rf", dir.toString());
				}
				catch (IOException ex) {
					System.err.println("Could not stop the test PostGIS in " + dir + ": " + ex.getMessage());
				}
			}));
			Map<String, String> env = new HashMap<>();
			for (String line : run("bash", script, "env", "--dir", dir.toString(), "--db", "trygghetskartan_test")
				.split("\n")) {
				String[] parts = line.replace("export ", "").split("=", 2);
				if (parts.length == 2) {
					env.put(parts[0], parts[1]);
				}
			}
			return Map.of("url", env.get("SPRING_DATASOURCE_URL"), "username", env.get("SPRING_DATASOURCE_USERNAME"),
					"password", env.get("SPRING_DATASOURCE_PASSWORD"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start a local PostGIS for the tests: " + ex.getMessage(), ex);
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
