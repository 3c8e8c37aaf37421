package se.trygghetskartan.exchange;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.TestDatabase;
import se.trygghetskartan.TestIncidentSources;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a large layer exports: {@code -Dbench.lines} (200 000 by default) synthetic incidents imported,
 * then exported by a planner as GeoJSON, CSV and GeoPackage in SWEREF 99 TM, each timed with its size
 * and the most heap in use while it ran (sampled every 10 ms, after a GC before it), which stays flat
 * when rows stream. Not part of the test suite: run it with
 * {@code ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ExportBenchmark};
 * the figures go to target/bench/export.txt.
 */
class ExportBenchmark {

	@Test
	void aLargeLayerExportsInEveryFormatWithoutHoldingItInMemory() throws Exception {
		int lines = Integer.getInteger("bench.lines", 200_000);
		Map<String, String> database = TestDatabase.freshDatabase("export_bench");
		List<String> report = new ArrayList<>();
		try (ConfigurableApplicationContext app = AppInstance.start(database, "--spring.profiles.active=demo")) {
			ApiClient planner = new ApiClient(AppInstance.port(app)).as("planner", "planner");
			String source = TestIncidentSources.ensure(planner, "bench");
			ApiClient.Response imported = planner.post("/api/incident-imports?source=" + source + "&wait=true",
					csv(lines).getBytes(StandardCharsets.UTF_8), "text/csv");
			if (imported.status() >= 300) {
				throw new IllegalStateException("the import answered " + imported);
			}
			for (String format : List.of("geojson", "csv", "gpkg")) {
				report.add(exported(planner, "/api/export/incidents." + format + "?from=2000-01-01", lines));
			}
		}
		report.add("heap limit: " + Runtime.getRuntime().maxMemory() / 1_000_000 + " MB; load average after: "
				+ Files.readString(Path.of("/proc/loadavg")).trim());
		Path out = Path.of("target/bench/export.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, report);
		report.forEach(System.out::println);
	}

	private static String exported(ApiClient planner, String path, int lines) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(before);
		AtomicLong live = new AtomicLong(0);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				// What each collection left: the data held, without the garbage between collections.
				live.accumulateAndGet(ManagementFactory.getMemoryPoolMXBeans().stream()
					.map(pool -> pool.getCollectionUsage())
					.filter(java.util.Objects::nonNull)
					.mapToLong(java.lang.management.MemoryUsage::getUsed)
					.sum(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		long start = System.nanoTime();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(planner.request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
		long bytes;
		try (InputStream body = response.body()) {
			bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		running.set(false);
		sampler.join();
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return String.format(Locale.ROOT, "%-50s %,d incidents  %6.1f s  %,7.1f MB  heap before %,d MB, at most %,d MB, "
				+ "at most %,d MB left by a collection", path, lines, seconds, bytes / 1e6, before / 1_000_000,
				peak.get() / 1_000_000, live.get() / 1_000_000);
	}

	// Katrineholm's town in SWEREF 99 TM, 2020–2024, as the import benchmark makes them.
	private static String csv(int lines) {
		Random random = new Random(7);
		String[] categories = { "bike_theft", "vandalism", "burglary", "theft", "assault" };
		StringBuilder csv = new StringBuilder("id;occurred_at;category;x;y\n");
		for (int i = 0; i < lines; i++) {
			LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(5 * 365));
			csv.append(String.format(Locale.ROOT, "EXPORT-%d;%sT%02d:%02d;%s;%.1f;%.1f%n", i, day, random.nextInt(24),
					random.nextInt(60), categories[random.nextInt(categories.length)], 566_000 + random.nextDouble() * 7_000,
					6_537_000 + random.nextDouble() * 7_000));
		}
		return csv.toString();
	}

}
