package se.trygghetskartan.incident;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.TestDatabase;
import se.trygghetskartan.TestIncidentSources;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast a CSV import goes through the real endpoint, the public statistics kept up to date with
 * it: {@code -Dbench.lines} (200 000 by default) synthetic incidents over five years and a town's
 * 7 × 7 km, imported as a planner sends them, then the same file again (all duplicates), then undone.
 * Not part of the test suite: run it with
 * {@code ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IncidentImportBenchmark};
 * the figures go to target/bench/incident-import.txt.
 */
class IncidentImportBenchmark {

	@Test
	void aLargeImportIsTimedWithItsDuplicateRunAndItsUndo() throws Exception {
		int lines = Integer.getInteger("bench.lines", 200_000);
		Map<String, String> database = TestDatabase.freshDatabase("incident_import_bench");
		List<String> report = new ArrayList<>();
		byte[] csv = csv(lines).getBytes(StandardCharsets.UTF_8);
		try (ConfigurableApplicationContext app = AppInstance.start(database, "--spring.profiles.active=demo")) {
			ApiClient planner = new ApiClient(AppInstance.port(app)).as("planner", "planner");
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			String source = TestIncidentSources.ensure(planner, "bench");
			JsonNode first = timed(report, jdbc, "import of " + lines + " new lines", lines, () -> planner
				.post("/api/incident-imports?source=" + source + "&wait=true", csv, "text/csv"));
			timed(report, jdbc, "the same " + lines + " lines again (duplicates)", lines,
					() -> planner.post("/api/incident-imports?source=" + source + "&wait=true", csv, "text/csv"));
			timed(report, jdbc, "undo of the first import", lines,
					() -> planner.send(planner.request("/api/incident-imports/" + first.get("id").asLong()).DELETE()));
			report.add("aggregate rows: " + jdbc.sql("SELECT count(*) FROM incident_aggregate").query(Long.class).single());
		}
		report.add("load average (1, 5, 15 min) after: "
				+ Files.readString(Path.of("/proc/loadavg")).trim() + "; processors: "
				+ ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors());
		Path out = Path.of("target/bench/incident-import.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, report);
		report.forEach(System.out::println);
	}

	// The time a request takes, and the processor time it costs in this JVM (the app and the client)
	// and in the database's server processes: per line, what a quiet machine would need.
	private static JsonNode timed(List<String> report, JdbcClient jdbc, String what, int lines,
			Supplier<ApiClient.Response> request) throws IOException {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long appCpu = os.getProcessCpuTime();
		long databaseCpu = databaseCpu(jdbc);
		long start = System.nanoTime();
		ApiClient.Response response = request.get();
		double seconds = (System.nanoTime() - start) / 1e9;
		appCpu = os.getProcessCpuTime() - appCpu;
		databaseCpu = databaseCpu(jdbc) - databaseCpu;
		if (response.status() >= 300) {
			throw new IllegalStateException(what + " answered " + response);
		}
		report.add(String.format(Locale.ROOT, "%-45s %6.1f s  %,9.0f lines/s  cpu/line: app %5.1f µs, db %5.1f µs  %s",
				what, seconds, lines / seconds, appCpu / 1e3 / lines, databaseCpu / 1e3 / lines,
				response.body().length() > 120 ? response.body().substring(0, 120) : response.body()));
		return response.status() == 204 ? null : response.json();
	}

	// The processor time (ns) the server processes of this database have used so far (Linux, same host).
	private static long databaseCpu(JdbcClient jdbc) throws IOException {
		long ticks = 0;
		for (Integer pid : jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
			.query(Integer.class)
			.list()) {
			Path stat = Path.of("/proc/" + pid + "/stat");
			if (Files.exists(stat)) {
				String[] fields = Files.readString(stat).substring(Files.readString(stat).lastIndexOf(')') + 2).split(" ");
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
		}
		return ticks * 10_000_000L;
	}

	// Katrineholm's town in SWEREF 99 TM, 2020–2024, eight categories, every tenth one sensitive.
	private static String csv(int lines) {
		Random random = new Random(7);
		String[] categories = { "bike_theft", "vandalism", "burglary", "theft", "drug_offence", "assault", "harassment",
				"disturbance" };
		StringBuilder csv = new StringBuilder("id;occurred_at;category;x;y;sensitive\n");
		for (int i = 0; i < lines; i++) {
			LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(5 * 365));
			csv.append(String.format(Locale.ROOT, "BENCH-%d;%sT%02d:%02d;%s;%.1f;%.1f;%s%n", i, day, random.nextInt(24),
					random.nextInt(60), categories[random.nextInt(categories.length)], 566_000 + random.nextDouble() * 7_000,
					6_537_000 + random.nextDouble() * 7_000, i % 10 == 0));
		}
		return csv.toString();
	}

}
