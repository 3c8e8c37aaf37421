package se.trygghetskartan.ui;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Chromium fetches for a page: scripts, style sheets and images only at hashed URLs (also the
 * modules that other modules import, and the icons scripts name), every module at once, nothing but
 * the page again on a return visit, and no Content-Security-Policy violation on the way.
 */
@IntegrationTest
class PageLoadingIT {

	static final Map<String, String> PAGES = Map.of("/", "[data-district]", "/uppfoljning", "li.commitment", "/login",
			"#login-form");

	static final String HASHED = ".*-[0-9a-f]{32}\\.(js|css|svg|png)$";

	// Every file of this origin the page fetched, but the page itself and the API's data.
	static final String STATIC_FILES = """
			return performance.getEntriesByType('resource')
			  .filter((e) => e.name.startsWith(location.origin) && !new URL(e.name).pathname.startsWith('/api/'))
			  .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd,
			    bytes: e.transferSize }));""";

	@LocalServerPort
	int port;

	@Test
	void theBrowserFetchesScriptsStylesAndIconsOnlyAtHashedUrlsWithoutPolicyViolations() {
		try (Browser browser = new Browser(port)) {
			for (Map.Entry<String, String> page : PAGES.entrySet()) {
				browser.consoleErrors();
				browser.visit(page.getKey(), page.getValue());

				List<String> fetched = files(browser).stream().map(file -> (String) file.get("path")).toList();
				assertThat(fetched).as(page.getKey()).isNotEmpty().allMatch(path -> path.matches(HASHED));
				assertThat(fetched).as(page.getKey() + ": modules imported by modules")
					.anyMatch(path -> path.matches("/js/(dom|i18n)-.*"));
				assertThat(browser.consoleErrors()).as(page.getKey() + ": console (CSP violations are logged there)")
					.isEmpty();
			}
			browser.open("/uppfoljning");
			browser.waitFor(driver -> browser.script("""
					const canvas = document.querySelector('.chart canvas');
					return window.Chart !== undefined && canvas !== null && Chart.getChart(canvas) !== undefined;"""));
			assertThat(files(browser)).extracting(file -> (String) file.get("path"))
				.anyMatch(path -> path.matches("/webjars/chart.js/.*/chart.umd-[0-9a-f]{32}\\.js"));
			browser.open("/?omrade=navertorp");
			browser.headingIs("Nävertorp");
			browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map .leaflet-marker-icon")));
			List<String> icons = browser.driver.findElements(By.cssSelector("img[src*='/icons/']"))
				.stream()
				.map(icon -> icon.getDomAttribute("src"))
				.toList();
			assertThat(icons).isNotEmpty().allMatch(src -> src.matches(HASHED));
			assertThat(files(browser)).extracting(file -> (String) file.get("path"))
				.anyMatch(path -> path.startsWith("/icons/"));
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aPagesModulesAreAllRequestedBeforeTheFirstArrives() {
		try (Browser browser = new Browser(port)) {
			browser.slowPhone();
			browser.visit("/", "[data-district]");

			List<Map<String, Object>> modules = files(browser).stream()
				.filter(file -> ((String) file.get("path")).startsWith("/js/"))
				.toList();
			double lastRequested = modules.stream().mapToDouble(file -> number(file, "start")).max().orElseThrow();
			double firstArrived = modules.stream().mapToDouble(file -> number(file, "end")).min().orElseThrow();
			assertThat(modules).hasSizeGreaterThan(20);
			assertThat(lastRequested).as("the last module asked for (ms), against the first that arrived")
				.isLessThan(firstArrived);
		}
	}

	@Test
	void aReturnVisitTakesEveryFileFromTheCacheAndOnlyRevalidatesThePage() {
		try (Browser browser = new Browser(port)) {
			for (Map.Entry<String, String> page : PAGES.entrySet()) {
				browser.visit(page.getKey(), page.getValue());
				browser.driver.get("about:blank");
				browser.visit(page.getKey(), page.getValue());

				assertThat(files(browser)).as(page.getKey()).isNotEmpty()
					.allSatisfy(file -> assertThat(number(file, "bytes")).as((String) file.get("path")).isZero());
				Number pageBytes = (Number) browser
					.script("return performance.getEntriesByType('navigation')[0].transferSize");
				assertThat(pageBytes.longValue()).as(page.getKey() + ": the page's 304, headers only").isLessThan(2000);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> files(Browser browser) {
		return (List<Map<String, Object>>) browser.script(STATIC_FILES);
	}

	private static double number(Map<String, Object> file, String key) {
		return ((Number) file.get(key)).doubleValue();
	}

}
