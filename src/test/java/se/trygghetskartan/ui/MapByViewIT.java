package se.trygghetskartan.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestTiles;
import se.trygghetskartan.ui.Browser.Fetch;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maps ask only for what they show (#11): far out the server's counts, close in the items in
 * view, asked again once the map has rested and the older view's requests cancelled; the lists a
 * page at a time; a linked item by its id; and nothing ever asks for a whole table. With pages of
 * five items (a server configured so) every item is still there.
 */
@IntegrationTest
class MapByViewIT {

	static final By MEASURE_MARKERS = By.cssSelector("#map .leaflet-marker-icon.measure-marker");

	static final By MEASURE_CLUSTERS = By.cssSelector("#map .leaflet-marker-icon.cluster-measures");

	// A list request that names what part it wants: a view, ids, a district, a period, a search.
	static final Pattern PART = Pattern.compile("[?&](bbox|ids|neighbourhood|from|q)=");

	@LocalServerPort
	int port;

	Browser browser;

	ApiClient anonymous;

	@BeforeEach
	void startBrowser() {
		browser = new Browser(port);
		browser.recordFetches();
		anonymous = new ApiClient(port);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	/** Waits until every fetch the page has made has its answer (or was given up), and none came for a while. */
	void awaitQuiet() {
		int[] seen = { -1 };
		long[] since = { System.nanoTime() };
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(20), Duration.ofMillis(100))
			.until(driver -> {
				List<Fetch> fetches = browser.fetches();
				if (fetches.size() != seen[0] || fetches.stream().anyMatch(f -> !f.done())) {
					seen[0] = fetches.size();
					since[0] = System.nanoTime();
					return false;
				}
				return System.nanoTime() - since[0] > 600_000_000L;
			});
	}

	List<Fetch> fetchesTo(String path) {
		return browser.fetches().stream().filter(f -> f.url().startsWith(path)).toList();
	}

	Fetch last(String path) {
		List<Fetch> fetches = fetchesTo(path);
		assertThat(fetches).as("requests to " + path).isNotEmpty();
		return fetches.get(fetches.size() - 1);
	}

	int measuresShown() {
		return (int) shownOn(browser);
	}

	static String parameter(String url, String name) {
		Matcher matcher = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url);
		assertThat(matcher.find()).as(name + " in " + url).isTrue();
		return java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
	}

	void assertNoWholeTables(String page) {
		for (Fetch fetch : browser.fetches()) {
			assertThat(fetch.url()).as(page).doesNotContain("limit=10000");
			if (fetch.url().matches("/api/(places|measures|activities|incidents)\\?.*")) {
				assertThat(PART.matcher(fetch.url()).find()).as(page + ": " + fetch.url() + " names its part").isTrue();
			}
		}
	}

	@Test
	void theMapsAndTheFollowUpAskForWhatTheyShowAndNeverForAWholeTable() {
		browser.open("/");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(MEASURE_MARKERS));
		awaitQuiet();
		assertThat(fetchesTo("/api/measures")).as("the start page's measures come by view").isNotEmpty();
		assertNoWholeTables("/");

		browser.open("/uppfoljning?period=2022-2023");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.commitment")));
		awaitQuiet();
		assertThat(fetchesTo("/api/measures?ids=")).as("the follow-up's measures come by id").isNotEmpty();
		assertNoWholeTables("/uppfoljning");

		browser.logIn("planner");
		browser.open("/planering");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(MEASURE_MARKERS));
		browser.clickable(By.id("exact-incidents")).click();
		browser.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".incident-dot, .cluster-incidents"), 0));
		awaitQuiet();
		assertThat(fetchesTo("/api/incidents")).allMatch(f -> f.url().contains("bbox="));
		assertNoWholeTables("/planering");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void farOutTheMapShowsTheServersCountsAndCloseInEveryMeasureInView() {
		browser.open("/");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(MEASURE_MARKERS));

		browser.zoomTo("#map", 12);
		browser.waitFor(driver -> last("/api/measures").url().startsWith("/api/measures/clusters?") && last("/api/measures").done());
		awaitQuiet();
		String asked = last("/api/measures").url();
		assertThat(parameter(asked, "zoom")).isEqualTo("12");
		JsonNode counted = anonymous.get(asked).json();
		StringBuilder box = new StringBuilder();
		counted.get("bbox").forEach(n -> box.append(box.isEmpty() ? "" : ",").append(n.doubleValue()));
		long inView = anonymous.get("/api/measures?limit=1&bbox=" + box).json().get("numberMatched").longValue();
		assertThat(browser.driver.findElements(MEASURE_MARKERS)).as("no single measure far out").isEmpty();
		assertThat(measuresShown()).as("the clusters count what a full query of the view finds")
			.isEqualTo(counted.get("numberMatched").intValue())
			.isEqualTo((int) inView)
			.isPositive();
		assertThat(browser.driver.findElements(By.cssSelector("#map .leaflet-marker-icon.cluster-places"))).isNotEmpty();
		WebElement cluster = browser.driver.findElements(MEASURE_CLUSTERS).get(0);
		assertThat(browser.textContent(cluster)).matches("\\d+ åtgärder?");
		assertThat(cluster.getAttribute("role")).isEqualTo("button");

		browser.zoomTo("#map", 15);
		browser.waitFor(driver -> last("/api/measures").url().startsWith("/api/measures?") && last("/api/measures").done());
		awaitQuiet();
		long listed = anonymous.get(last("/api/measures").url()).json().get("numberMatched").longValue();
		assertThat(measuresShown()).as("every measure in view, on its own or in a cluster of the map's").isEqualTo((int) listed);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void aMovingMapAsksOnceItHasRestedAndCancelsWhatAnOlderViewStillWaitsFor() {
		browser.open("/");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(MEASURE_MARKERS));
		awaitQuiet();
		int before = fetchesTo("/api/measures/clusters").size();
		browser.script("document.getElementById('map').focus()");

		new Actions(browser.driver).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_DOWN, Keys.ARROW_RIGHT)
			.perform();
		awaitQuiet();
		assertThat(fetchesTo("/api/measures/clusters")).as("four moves in a row, one request").hasSize(before + 1);

		browser.slowNetwork(1500);
		try {
			int asked = fetchesTo("/api/measures/clusters").size();
			new Actions(browser.driver).sendKeys(Keys.ARROW_LEFT).perform();
			browser.waitFor(driver -> fetchesTo("/api/measures/clusters").size() > asked);
			new Actions(browser.driver).sendKeys(Keys.ARROW_UP).perform();
			browser.waitFor(driver -> fetchesTo("/api/measures/clusters").size() > asked + 1);
			awaitQuiet();
		}
		finally {
			browser.slowNetwork(0);
		}
		List<Fetch> clusters = fetchesTo("/api/measures/clusters");
		assertThat(clusters.get(clusters.size() - 2).aborted()).as("the older view's request, cancelled").isTrue();
		assertThat(clusters.get(clusters.size() - 1).aborted()).isFalse();
		assertThat(browser.driver.findElements(MEASURE_MARKERS)).as("the newest view's measures").isNotEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void aLinkToAMeasureFarFromTheStartViewOpensItByItsId() {
		ApiClient planner = anonymous.as("planner", "planner");
		long id = planner.post("/api/measures", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[15.80,59.25]},"properties":{
				 "title":"Kamera vid sjön långt bort","type":"camera","owner":"police","status":"planned"}}""")
			.json()
			.get("id")
			.longValue();

		browser.open("/?atgard=" + id);
		browser.headingIs("Kamera vid sjön långt bort");
		assertThat(fetchesTo("/api/measures?ids=" + id)).as("asked for by its id").hasSize(1);
		browser.waitFor(driver -> browser.zoomOf("#map") >= 16);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void withPagesOfFiveTheDistrictsListsAndTheMapStillShowEveryItem() throws Exception {
		try (ConfigurableApplicationContext app = AppInstance.start(AppInstance.sharedDatabase(),
				"--spring.profiles.active=demo", "--trygghetskartan.api.max-page-size=5",
				"--trygghetskartan.map.tile-url=" + TestTiles.url())) {
			int small = AppInstance.port(app);
			ApiClient api = new ApiClient(small);
			JsonNode clamped = api.get("/api/places?neighbourhood=navertorp&limit=10000").json();
			long places = clamped.get("numberMatched").longValue();
			assertThat(clamped.get("numberReturned").longValue()).as("the server's maximum, not an error").isEqualTo(5);
			assertThat(places).as("more places than a page holds").isGreaterThan(5);

			try (Browser paged = new Browser(small)) {
				paged.recordFetches();
				paged.open("/?omrade=navertorp");
				paged.headingIs("Nävertorp");
				By placeButtons = By.cssSelector(".district-places [data-place]");
				new org.openqa.selenium.support.ui.WebDriverWait(paged.driver, Duration.ofSeconds(10))
					.withMessage(() -> "the panel says: " + paged.textContent(paged.driver.findElement(By.id("panel-content"))))
					.until(driver -> driver.findElements(placeButtons).size() == 5);
				for (int page = 0; page < 5 && !paged.driver.findElements(By.cssSelector("[data-more='places']:not([hidden])")).isEmpty(); page++) {
					int shown = paged.driver.findElements(placeButtons).size();
					paged.clickable(By.cssSelector("[data-more='places']")).click();
					paged.waitFor(driver -> driver.findElements(placeButtons).size() > shown);
				}
				assertThat(paged.driver.findElements(placeButtons)).hasSize((int) places);
				assertThat(paged.driver.findElement(By.cssSelector(".district-places .list-count")).getText())
					.isEqualTo("Visar " + places + " av " + places);
				for (WebElement group : paged.driver.findElements(By.cssSelector(".status-group"))) {
					String status = group.getAttribute("data-status");
					long matched = api.get("/api/measures?neighbourhood=navertorp&status=" + status).json()
						.get("numberMatched").longValue();
					assertThat(group.findElement(By.tagName("h4")).getText()).endsWith("(" + matched + ")");
				}

				// The map pages through its view too: every measure in it is on the map.
				paged.waitFor(driver -> fetchesOf(paged, "/api/measures?").stream().anyMatch(f -> f.url().contains("offset=5")));
				paged.waitFor(driver -> fetchesOf(paged, "/api/measures").stream().allMatch(Fetch::done));
				List<Fetch> firstPages = fetchesOf(paged, "/api/measures?bbox").stream()
					.filter(f -> f.url().contains("offset=0"))
					.toList();
				long inView = api.get(firstPages.get(firstPages.size() - 1).url()).json().get("numberMatched").longValue();
				assertThat(inView).isGreaterThan(5);
				paged.waitFor(driver -> shownOn(paged) == inView);
				assertThat(paged.consoleErrors()).isEmpty();
			}
		}
	}

	static List<Fetch> fetchesOf(Browser browser, String path) {
		return browser.fetches().stream().filter(f -> f.url().startsWith(path)).toList();
	}

	/** The measures the map shows: the single markers and what the clusters count. */
	static long shownOn(Browser browser) {
		return browser.driver.findElements(MEASURE_MARKERS).size() + browser.driver.findElements(MEASURE_CLUSTERS)
			.stream()
			.mapToLong(cluster -> Long.parseLong(browser.textContent(cluster).replaceAll("\\D", "")))
			.sum();
	}

}
