package se.trygghetskartan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The five-year municipality ({@link FiveYearMunicipality}) built anew from its seed, and how long
 * the API's map requests take on it, as the public and as a planner: the median of several runs
 * on a warm app, and the size of the answer. Not part of the test suite: run it with
 * {@code ./tk bench data [SEED]}; the figures go to target/bench/five-year.txt and the database to
 * target/bench/five-year.dump, which {@code ./tk restore} loads for {@code ./tk run}.
 */
class FiveYearBenchmark {

	static final int RUNS = 5;

	/**
	 * The requests timed: the district list; every place and measure (what the start page asked for
	 * before it asked by view); counts over the whole municipality far out; the items of a view close
	 * in (zoom 15 on a desktop screen, in the middle of the town); a page of a district's list.
	 */
	static final List<String> REQUESTS = List.of("/api/neighbourhoods", "/api/places?limit=10000",
			"/api/measures?limit=10000", "/api/places/clusters?bbox=15.70,58.75,16.65,59.30&zoom=11",
			"/api/measures/clusters?bbox=15.70,58.75,16.65,59.30&zoom=11",
			"/api/places?bbox=16.1826,58.99,16.2374,59.01&limit=500",
			"/api/measures?bbox=16.1826,58.99,16.2374,59.01&limit=500",
			"/api/measures?neighbourhood=omrade-12&status=done&sortby=-completedOn&limit=50");

	@Test
	void theFiveYearMunicipalityIsBuiltFromItsSeedAndItsMapRequestsTimed() throws Exception {
		long seed = Long.getLong("bench.seed", FiveYearMunicipality.SEED);
		Map<String, String> database = TestDatabase.freshDatabase("five_year");
		List<String> report = new ArrayList<>();
		try (ConfigurableApplicationContext app = FiveYearMunicipality.start(database, seed)) {
			int port = AppInstance.port(app);
			report.add("five-year municipality, seed " + seed + ": " + FiveYearMunicipality.describe(app));
			Map<String, ApiClient> readers = Map.of("public", new ApiClient(port), "planner",
					new ApiClient(port).as("planner", "planner"));
			for (String reader : List.of("public", "planner")) {
				for (String request : REQUESTS) {
					report.add(time(reader, readers.get(reader), request));
				}
			}
		}
		Path out = Path.of("target/bench/five-year.txt");
		Files.createDirectories(out.getParent());
		dump(database, out.resolveSibling("five-year.dump"));
		Files.write(out, report);
		report.forEach(System.out::println);
	}

	private static String time(String reader, ApiClient client, String request) {
		double[] millis = new double[RUNS];
		int bytes = 0;
		client.get(request);
		for (int run = 0; run < RUNS; run++) {
			long start = System.nanoTime();
			ApiClient.Response response = client.get(request);
			millis[run] = (System.nanoTime() - start) / 1e6;
			if (response.status() != 200) {
				// A request this version of the app does not know (when timing an older one).
				return String.format(Locale.ROOT, "%-9s %-75s answered %d", reader, request, response.status());
			}
			bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
		}
		Arrays.sort(millis);
		return String.format(Locale.ROOT, "%-9s %-75s %7.0f ms (median of %d)  %8.0f KB", reader, request,
				millis[RUNS / 2], RUNS, bytes / 1024.0);
	}

	// The database as ./tk backup writes it, so that ./tk restore puts the five-year municipality into
	// the local cluster.
	private static void dump(Map<String, String> database, Path file) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("bash", "db/local-postgis.sh", "backup", file.toAbsolutePath().toString(),
				"--dir", TestDatabase.localCluster().dir().toString(), "--db", "five_year")
			.inheritIO()
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IOException("the backup of " + database.get("url") + " failed");
		}
	}

}
