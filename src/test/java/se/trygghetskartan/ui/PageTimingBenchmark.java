package se.trygghetskartan.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.FiveYearMunicipality;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestDatabase;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How soon the pages are usable, measured in headless Chromium as a resident on a slow phone gets
 * them: 4× CPU slowdown, 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips, cold cache. "Usable"
 * is the moment the district list (on /) or the list of commitments (on /uppfoljning) is in the
 * page. Then a return visit: how many bytes it transfers. With the demo data and with a municipality
 * after five years of use ({@link FiveYearMunicipality}). Not part of the test suite: run it with
 * {@code ./tk bench pages} ({@code ./tk bench pages demo}: the demo data only); the figures go to the
 * console and to target/bench/page-timing.txt. "data" is the part of the bytes the API's answers took.
 */
@IntegrationTest
class PageTimingBenchmark {

	static final int RUNS = 3;

	static final Map<String, String> PAGES = Map.of("/", "[data-district]", "/uppfoljning", "li.commitment");

	@LocalServerPort
	int port;

	final List<String> report = new ArrayList<>();

	@Test
	void pagesAreUsableSoonOnASlowPhoneAndReturnVisitsAreSmall() throws Exception {
		measure("demo", port, true);
		measure("demo", port, false);
		if (Boolean.getBoolean("bench.demoOnly")) {
			write();
			return;
		}
		// Static files cached as in production (the demo profile makes them anew each time).
		try (ConfigurableApplicationContext app = FiveYearMunicipality.start(TestDatabase.freshDatabase("five_year"),
				FiveYearMunicipality.SEED, "--spring.web.resources.chain.cache=true")) {
			int fiveYearPort = AppInstance.port(app);
			measure("five-year", fiveYearPort, true);
			measure("five-year", fiveYearPort, false);
		}
		write();
	}

	private void write() throws IOException {
		Path out = Path.of("target/bench/page-timing.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, report);
		report.forEach(System.out::println);
	}

	private void measure(String data, int port, boolean throttled) {
		for (Map.Entry<String, String> page : PAGES.entrySet()) {
			double[] usable = new double[RUNS];
			double[] returnKb = new double[RUNS];
			double[] firstKb = new double[RUNS];
			double[] returnDataKb = new double[RUNS];
			double[] firstDataKb = new double[RUNS];
			for (int run = 0; run < RUNS; run++) {
				try (Browser browser = new Browser(port)) {
					if (throttled) {
						browser.slowPhone();
					}
					Browser.Visit first = browser.visit(page.getKey(), page.getValue());
					// Away and back, as a resident comes back later (not a reload).
					browser.driver.get("about:blank");
					Browser.Visit again = browser.visit(page.getKey(), page.getValue());
					usable[run] = first.usableMillis();
					firstKb[run] = first.transferredBytes() / 1024.0;
					returnKb[run] = again.transferredBytes() / 1024.0;
					firstDataKb[run] = first.dataBytes() / 1024.0;
					returnDataKb[run] = again.dataBytes() / 1024.0;
				}
			}
			report.add(String.format(Locale.ROOT,
					"%-9s %-13s %-10s usable %6.0f ms (median of %d: %s)  first visit %6.0f KB (data %4.0f)  "
							+ "return visit %5.0f KB (data %4.0f)",
					data, page.getKey(), throttled ? "slow phone" : "desktop", median(usable), RUNS,
					Arrays.toString(Arrays.stream(usable).mapToLong(Math::round).toArray()), median(firstKb),
					median(firstDataKb), median(returnKb), median(returnDataKb)));
			System.out.println(report.get(report.size() - 1));
		}
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
