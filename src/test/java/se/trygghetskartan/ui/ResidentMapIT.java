package se.trygghetskartan.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map as residents expect it (#11): it opens on the focus districts, shows each measure's
 * status in its icon and the legend, shows single measures from zoom 17, names its clusters, opens
 * markers by keyboard, speaks the page's language, and a measure tells which promise it keeps and
 * what happened to it, when.
 */
@IntegrationTest
class ResidentMapIT extends BrowserTest {

	static final String TUNNEL_LIGHT = "Ny belysning i gångtunneln vid Nävertorp";

	static final String TUNNEL_SLOPES = "Röjning av slänterna vid gångtunneln i Nävertorp";

	static final Map<String, String> STATUS_NAMES = Map.of("Föreslagen", "proposed", "Planerad", "planned", "Pågående",
			"in_progress", "Genomförd", "done", "Avslagen", "rejected");

	static final By MEASURE_MARKERS = By.cssSelector("#map .leaflet-marker-icon.measure-marker");

	static final By MEASURE_CLUSTERS = By.cssSelector("#map .leaflet-marker-icon.cluster-measures");

	ApiClient anonymous;

	@BeforeAll
	void anonymousClient() {
		anonymous = new ApiClient(port);
	}

	long measureId(String title) {
		for (JsonNode measure : anonymous.get("/api/measures?limit=10000").json().get("features")) {
			if (measure.get("properties").get("title").stringValue().equals(title)) {
				return measure.get("id").longValue();
			}
		}
		throw new AssertionError("no measure " + title);
	}

	WebElement marker(String title) {
		return browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.xpath(
				"//div[contains(@class,'measure-marker') and contains(@title, ': " + title + " (')]")));
	}

	int clusterCount(WebElement cluster) {
		return Integer.parseInt(browser.textContent(cluster).replaceAll("\\D", ""));
	}

	/** Presses a key on the element, focused as Tab would focus it. */
	void press(WebElement element, CharSequence key) {
		browser.script("arguments[0].focus()", element);
		new Actions(browser.driver).sendKeys(key).perform();
	}

	String style(WebElement element, String pseudo, String property) {
		return (String) browser.script("return getComputedStyle(arguments[0], arguments[1]).getPropertyValue(arguments[2])",
				element, pseudo, property);
	}

	void zoomTo(double zoom) {
		browser.zoomTo("#map", zoom);
	}

	@Test
	void theStartPageSaysWhatAPromiseIsLinksTheFollowUpAndOpensOnTheFocusDistrictsWithTheirItemsApart() {
		browser.consoleErrors();
		browser.open("/");
		browser.headingIs("Stadsdelar");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(MEASURE_MARKERS));

		String intro = browser.driver.findElement(By.cssSelector(".home-intro")).getText();
		assertThat(intro).as("two sentences, then the link")
			.matches("Ett medborgarlöfte är [^.]+\\. Kartan visar platser som upplevs som otrygga [^.]+\\. "
					+ "Så följs löftena upp");
		assertThat(browser.driver.findElement(By.cssSelector(".home-intro a")).getAttribute("href"))
			.endsWith("/uppfoljning");
		assertThat(browser.zoomOf("#map")).as("close enough to tell the districts' measures apart")
			.isGreaterThanOrEqualTo(14);

		List<WebElement> singles = browser.driver.findElements(MEASURE_MARKERS);
		List<Integer> clusters = browser.driver.findElements(MEASURE_CLUSTERS).stream().map(this::clusterCount).toList();
		int shown = singles.size() + clusters.stream().mapToInt(Integer::intValue).sum();
		long inFocusDistricts = StreamSupport.stream(anonymous.get("/api/measures?limit=10000").json().get("features")
			.spliterator(), false)
			.filter(m -> m.get("properties").get("neighbourhoods").toString().matches(".*\"(centrum|norr|navertorp)\".*"))
			.count();
		assertThat(shown).as("every measure of the three districts is in view").isGreaterThanOrEqualTo((int) inFocusDistricts);
		assertThat(singles.size() + clusters.size()).as("symbols on the map").isGreaterThanOrEqualTo(10);
		assertThat(clusters).as("no cluster holds the town").allMatch(count -> count < shown / 3);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void aMeasuresStatusShowsInItsIconByShapeAndTheLegendExplainsEveryStatusWithTheSameMarks() {
		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(MEASURE_MARKERS));

		List<String> statusesSeen = new ArrayList<>();
		for (WebElement marker : browser.driver.findElements(MEASURE_MARKERS)) {
			String title = marker.getAttribute("title");
			assertThat(title).matches(".+: .+ \\((Föreslagen|Planerad|Pågående|Genomförd|Avslagen)\\)");
			String status = STATUS_NAMES.get(title.substring(title.lastIndexOf('(') + 1, title.length() - 1));
			WebElement mark = marker.findElement(By.cssSelector(".measure-mark"));
			assertThat(mark.getAttribute("data-status")).isEqualTo(status);
			assertThat(browser.textContent(marker)).as("the marker's name").isEqualTo(title);
			assertThat(marker.getAttribute("role")).isEqualTo("button");
			statusesSeen.add(status);
		}
		assertThat(statusesSeen).contains("proposed", "planned", "in_progress", "done");

		browser.driver.findElement(By.cssSelector("details.legend summary")).click();
		List<WebElement> legend = browser.driver.findElements(By.cssSelector("[data-legend-status]"));
		assertThat(legend).extracting(item -> item.getAttribute("data-legend-status"))
			.containsExactly("proposed", "planned", "in_progress", "done", "rejected");
		assertThat(legend).extracting(WebElement::getText)
			.containsExactly("Föreslagen\nstreckad ring", "Planerad\nhel ring", "Pågående\nhalv ring",
					"Genomförd\nring med bock", "Avslagen\növerkryssad");
		// Not colour alone: the ring's line, its halves and a badge differ.
		WebElement proposed = legend.get(0).findElement(By.cssSelector(".status-proposed .status-ring"));
		WebElement planned = legend.get(1).findElement(By.cssSelector(".status-planned .status-ring"));
		WebElement inProgress = legend.get(2).findElement(By.cssSelector(".status-in_progress .status-ring"));
		assertThat(style(proposed, null, "border-top-style")).isEqualTo("dashed");
		assertThat(style(planned, null, "border-top-style")).isEqualTo("solid");
		assertThat(style(inProgress, null, "border-top-color")).isNotEqualTo(style(inProgress, null, "border-bottom-color"));
		assertThat(style(legend.get(1).findElement(By.cssSelector(".status-badge")), null, "display")).isEqualTo("none");
		assertThat(style(legend.get(3).findElement(By.cssSelector(".status-badge")), "::before", "content"))
			.isEqualTo("\"✓\"");
		assertThat(style(legend.get(4).findElement(By.cssSelector(".status-badge")), "::before", "content"))
			.isEqualTo("\"✕\"");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void atZoom17EveryMeasureIsItsOwnIconAndTwoAtOneSpotStandSideBySideBothReachable() {
		browser.open("/?atgard=" + measureId(TUNNEL_LIGHT));
		browser.headingIs(TUNNEL_LIGHT);
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(MEASURE_MARKERS));
		zoomTo(17);

		WebElement light = marker(TUNNEL_LIGHT);
		WebElement slopes = marker(TUNNEL_SLOPES);
		assertThat(light.isDisplayed()).isTrue();
		assertThat(slopes.isDisplayed()).isTrue();
		assertThat(Math.abs(light.getRect().getX() - slopes.getRect().getX())
				+ Math.abs(light.getRect().getY() - slopes.getRect().getY()))
			.as("side by side, not on top of each other").isGreaterThanOrEqualTo(36);

		slopes.click();
		browser.headingIs(TUNNEL_SLOPES);
		zoomTo(16);
		assertThat(browser.driver.findElements(MEASURE_CLUSTERS)).as("below 17 close measures cluster").isNotEmpty();
	}

	@Test
	void clustersSayWhatTheyCountInThePagesLanguageAndEnterOpensOneAsAClickDoes() {
		browser.open("/");
		browser.headingIs("Stadsdelar");
		WebElement cluster = browser.waitFor(ExpectedConditions.presenceOfElementLocated(MEASURE_CLUSTERS));

		assertThat(browser.textContent(cluster)).matches("\\d+ åtgärder");
		assertThat(cluster.getAttribute("role")).isEqualTo("button");
		assertThat(cluster.getAttribute("tabindex")).isEqualTo("0");
		assertThat(style(cluster, null, "border-top-left-radius")).isEqualTo("50%");
		// A click zooms in to the cluster's measures, or spreads them out where they stand together.
		double zoom = browser.zoomOf("#map");
		int singles = browser.driver.findElements(MEASURE_MARKERS).size();
		press(cluster, Keys.ENTER);
		browser.waitFor(driver -> browser.zoomOf("#map") > zoom || driver.findElements(MEASURE_MARKERS).size() > singles);

		browser.open("/");
		browser.clickable(By.id("language")).click();
		browser.headingIs("Districts");
		browser.waitFor(driver -> browser.textContent(driver.findElement(MEASURE_CLUSTERS)).matches("\\d+ measures"));
		browser.clickable(By.id("language")).click();
		browser.headingIs("Stadsdelar");
	}

	@Test
	void enterAndSpaceOnAFocusedMarkerOpenItAsAClickDoes() {
		browser.open("/?atgard=" + measureId(TUNNEL_LIGHT));
		browser.headingIs(TUNNEL_LIGHT);
		zoomTo(17);

		WebElement slopes = marker(TUNNEL_SLOPES);
		assertThat(slopes.getAttribute("tabindex")).isEqualTo("0");
		press(slopes, Keys.ENTER);
		browser.headingIs(TUNNEL_SLOPES);

		WebElement light = marker(TUNNEL_LIGHT);
		press(light, Keys.SPACE);
		browser.headingIs(TUNNEL_LIGHT);
		assertThat(browser.driver.getCurrentUrl()).endsWith("?atgard=" + measureId(TUNNEL_LIGHT));
	}

	@Test
	void theZoomButtonsAreNamedInThePagesLanguage() {
		browser.open("/");
		browser.headingIs("Stadsdelar");
		WebElement in = browser.driver.findElement(By.cssSelector("#map .leaflet-control-zoom-in"));
		WebElement out = browser.driver.findElement(By.cssSelector("#map .leaflet-control-zoom-out"));
		assertThat(in.getAttribute("aria-label")).isEqualTo("Zooma in");
		assertThat(in.getAttribute("title")).isEqualTo("Zooma in");
		assertThat(out.getAttribute("aria-label")).isEqualTo("Zooma ut");

		browser.clickable(By.id("language")).click();
		browser.headingIs("Districts");
		assertThat(in.getAttribute("aria-label")).isEqualTo("Zoom in");
		assertThat(out.getAttribute("title")).isEqualTo("Zoom out");
		browser.clickable(By.id("language")).click();
		browser.headingIs("Stadsdelar");
		assertThat(in.getAttribute("aria-label")).isEqualTo("Zooma in");
	}

	@Test
	void finishedMeasuresOfADistrictAreListedNewestFirst() {
		List<JsonNode> done = new ArrayList<>();
		anonymous.get("/api/measures?neighbourhood=centrum&status=done&limit=10000").json().get("features")
			.forEach(done::add);
		done.sort(Comparator.comparing((JsonNode m) -> m.get("properties").get("completedOn").stringValue()).reversed());
		assertThat(done).hasSizeGreaterThan(2);

		browser.open("/?omrade=centrum");
		browser.headingIs("Centrum");

		List<String> listed = browser.texts(By.cssSelector("[data-status='done'] [data-measure]"));
		List<String> dates = listed.stream()
			.map(title -> done.stream().filter(m -> m.get("properties").get("title").stringValue().equals(title))
				.findFirst().orElseThrow().get("properties").get("completedOn").stringValue())
			.toList();
		assertThat(listed).hasSize(done.size());
		assertThat(dates).isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void aMeasureShowsThePromiseItKeepsWhenItWasLastUpdatedAndThePlannersNotesButNoStaffName() {
		ApiClient planner = anonymous.as("planner", "planner");
		long promise = planner.post("/api/promises", "{\"periodStart\":2055,\"party\":\"joint\",\"title\":\"Löfte 2055\"}",
				"application/json").json().get("id").longValue();
		long commitment = planner.post("/api/commitments", """
				{"promiseId":%d,"party":"municipality","text":"lysa upp gångvägarna i Nävertorp"}""".formatted(promise),
				"application/json").json().get("id").longValue();
		Response created = planner.post("/api/measures", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2330,58.9968]},"properties":{
				 "title":"Belysning på gångvägen vid förskolan","type":"lighting","owner":"municipality","status":"proposed",
				 "commitmentIds":[%d],"statusNote":"Föreslogs av föräldrar på förskolan."}}""".formatted(commitment));
		long id = created.json().get("id").longValue();

		try (Browser staff = new Browser(port)) {
			staff.logIn("planner");
			staff.open("/planering?atgard=" + id);
			staff.headingIs("Belysning på gångvägen vid förskolan");
			staff.clickable(By.cssSelector("[data-action='edit']")).click();
			staff.visible(By.cssSelector("[data-field='statusNote'] textarea"));
			// The form's picker shows the commitment the measure keeps as chosen.
			staff.waitFor(driver -> staff.texts(By.cssSelector("[data-field='commitmentIds'] .chip span"))
				.stream()
				.anyMatch(text -> text.contains("lysa upp gångvägarna i Nävertorp")));
			assertThat(staff.seriousAccessibilityViolations()).isEmpty();
			new Select(staff.driver.findElement(By.cssSelector("[data-field='status'] select"))).selectByValue("planned");
			staff.driver.findElement(By.cssSelector("[data-field='statusNote'] textarea"))
				.sendKeys("Beställd av Tekniska förvaltningen.");
			staff.driver.findElement(By.cssSelector(".edit-form button[type='submit']")).click();
			staff.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status-timeline"),
					"Beställd av Tekniska förvaltningen."));
		}

		browser.open("/?atgard=" + id);
		browser.headingIs("Belysning på gångvägen vid förskolan");
		WebElement timeline = browser.visible(By.cssSelector(".status-timeline"));
		List<WebElement> entries = timeline.findElements(By.tagName("li"));
		assertThat(entries).extracting(entry -> entry.getAttribute("data-status")).containsExactly("proposed", "planned");
		assertThat(entries.get(0).getText()).startsWith("Föreslagen").endsWith("Föreslogs av föräldrar på förskolan.");
		assertThat(entries.get(1).getText()).startsWith("Planerad").endsWith("Beställd av Tekniska förvaltningen.");
		assertThat(entries.get(1).findElement(By.tagName("time")).getAttribute("datetime"))
			.isEqualTo(LocalDate.now().toString());
		assertThat(browser.driver.findElement(By.cssSelector(".last-updated")).getText()).startsWith("Senast uppdaterad ")
			.contains(String.valueOf(LocalDate.now().getYear()));
		WebElement link = browser.visible(By.cssSelector(".fulfils-list .commitment-link"));
		assertThat(link.getText()).isEqualTo("lysa upp gångvägarna i Nävertorp");
		assertThat(link.getAttribute("href")).endsWith("/uppfoljning?period=2055#commitment-" + commitment);
		assertThat(browser.driver.findElement(By.cssSelector(".fulfils-list .promise-link")).getAttribute("href"))
			.endsWith("/uppfoljning?period=2055#promise-" + promise);
		assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("planner");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		link.click();
		browser.waitFor(driver -> ("commitment-" + commitment).equals(browser.script("return document.activeElement.id")));
		assertThat(browser.driver.findElement(By.id("commitment-" + commitment)).getText())
			.contains("lysa upp gångvägarna i Nävertorp");
	}

}
