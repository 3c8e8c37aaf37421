package se.trygghetskartan.exchange;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.TestDatabase;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long a large file of places takes through {@code POST /api/imports/places}, and how much heap
 * the app uses meanwhile: {@code -Dbench.features} (100 000 by default) points in SWEREF 99 TM,
 * written as a GeoPackage by the GeoPackage library, imported by
 * the demo planner into a fresh database. Not part of the test suite: run it with
 * {@code ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PlaceImportBenchmark};
 * the figures go to target/bench/place-import.txt. The app runs in the benchmark's JVM, so the heap
 * figures are an upper bound of the app's.
 */
class PlaceImportBenchmark {

	// What the heap's pools held after their last collection: the live data, garbage left out.
	private static long afterCollection() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
			.mapToLong(pool -> pool.getCollectionUsage().getUsed())
			.sum();
	}

	@Test
	void aLargeGeoPackageIsImportedWithoutHoldingItsFeatures() throws Exception {
		int count = Integer.getInteger("bench.features", 100_000);
		List<String> report = new ArrayList<>();
		long writing = System.nanoTime();
		// Points 10 m apart over 3 × 3.3 km of Katrineholm's town, each with the test's properties.
		Path file = ImportFiles.geoPackage(3006, ImportIT.COLUMNS, count,
				i -> new ImportFiles.Feature(ImportIT.place(i).columns(), String.format(Locale.ROOT, "POINT(%.2f %.2f)",
						567_000 + (i % 300) * 10.0, 6_539_000 + (i / 300) * 10.0)));
		report.add(String.format(Locale.ROOT, "GeoPackage of %,d features: %,d bytes, written in %.1f s", count,
				Files.size(file), (System.nanoTime() - writing) / 1e9));
		Map<String, String> database = TestDatabase.freshDatabase("place_import_bench");
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		try (ConfigurableApplicationContext app = AppInstance.start(database, "--spring.profiles.active=demo")) {
			ApiClient planner = new ApiClient(AppInstance.port(app)).as("planner", "planner");
			System.gc();
			long baseline = memory.getHeapMemoryUsage().getUsed();
			AtomicLong peak = new AtomicLong(baseline);
			AtomicLong live = new AtomicLong(afterCollection());
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					live.accumulateAndGet(afterCollection(), Math::max);
					try {
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			sampler.setDaemon(true);
			sampler.start();
			long start = System.nanoTime();
			ApiClient.Response response = planner.send(planner.request("/api/imports/places")
				.header("Content-Type", "application/geopackage+sqlite3")
				.timeout(java.time.Duration.ofHours(2))
				.POST(HttpRequest.BodyPublishers.ofFile(file)));
			double seconds = (System.nanoTime() - start) / 1e9;
			sampler.interrupt();
			if (response.status() != 200) {
				throw new IllegalStateException("The import answered " + response);
			}
			report.add(String.format(Locale.ROOT, "import: %.1f s, %,.0f features/s; %s", seconds, count / seconds,
					response.json().get("totals")));
			report.add(String.format(Locale.ROOT,
					"heap: %,d MB in use before, at most %,d MB during (garbage included), at most %,d MB live after a"
							+ " collection (max %,d MB)",
					baseline >> 20, peak.get() >> 20, live.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20));
		}
		finally {
			Files.deleteIfExists(file);
		}
		report.add("load average (1, 5, 15 min) after: " + Files.readString(Path.of("/proc/loadavg")).trim()
				+ "; processors: " + ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors());
		Path out = Path.of("target/bench/place-import.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, report);
		report.forEach(System.out::println);
	}

}
