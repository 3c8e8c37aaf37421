package se.trygghetskartan.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages on an unthrottled desktop in headless Chromium, against an app that runs already
 * with the national data set ({@code bench/national.sh} starts it and passes its port as
 * {@code bench.port}): when the page is usable (the given selector, e.g. the district list and the
 * features in view drawn) and what the first visit transferred. The pages and their selectors come as
 * {@code bench.pages}: "path=selector" entries separated by "|". The lines go to the console and to
 * target/bench/national-pages.txt. Not part of the test suite.
 */
class NationalPageBenchmark {

	static final int RUNS = 3;

	@Test
	void publicPagesAreUsableSoonWithTheWholeCountry() throws IOException {
		int port = Integer.getInteger("bench.port", 0);
		assertThat(port).as("bench.port: the running app's port").isPositive();
		List<String> report = new ArrayList<>();
		for (String page : System.getProperty("bench.pages", "").split("\\|")) {
			String[] parts = page.split("=", 2);
			double[] usable = new double[RUNS];
			double[] kb = new double[RUNS];
			for (int run = 0; run < RUNS; run++) {
				try (Browser browser = new Browser(port)) {
					Browser.Visit visit = browser.visit(parts[0], parts[1]);
					usable[run] = visit.usableMillis();
					kb[run] = visit.transferredBytes() / 1024.0;
				}
			}
			report.add(String.format(Locale.ROOT, "%-24s usable %5.0f ms (median of %d: %s), first visit %6.0f KB",
					parts[0], PageTimingBenchmark.median(usable), RUNS, Arrays.toString(Arrays.stream(usable).mapToLong(Math::round).toArray()),
					PageTimingBenchmark.median(kb)));
		}
		Path out = Path.of("target/bench/national-pages.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, report);
		report.forEach(System.out::println);
	}

}
