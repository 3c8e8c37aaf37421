package se.trygghetskartan.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys residents and planners make on every page with a map, each click answered within
 * two seconds. Run once with background tiles that load and once with a tile server that refuses
 * connections: the map must work the same on its plain background (issue #8: it used to hang the
 * tab for good once it had given up on the tiles).
 */
abstract class MapJourneys {

	static final Duration ANSWER = Duration.ofSeconds(2);

	static final String MEASURE = "Ny belysning i gångtunneln vid Nävertorp";

	static final String PLACE = "Gångtunneln vid Nävertorp";

	static final String NO_BACKGROUND_SV = "Bakgrundskartan kunde inte laddas. Kartan fungerar utan den.";

	static final String NO_BACKGROUND_EN = "The background map could not be loaded. The map works without it.";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void startBrowser() {
		browser = new Browser(port);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	/** Waits until the map in this element has loaded its background, or has given up on it. */
	abstract void awaitBackground(String map);

	/** Checks what the map in this element says about its background, in the page's language. */
	abstract void assertBackgroundNotice(String map, String language);

	/** Console errors, without the failed tile requests that one of the two runs expects. */
	abstract List<String> unexpectedConsoleErrors();

	static Function<WebDriver, ?> heading(String text) {
		return ExpectedConditions.textToBe(By.id("panel-title"), text);
	}

	static Function<WebDriver, ?> text(By by, String text) {
		return ExpectedConditions.textToBePresentInElementLocated(by, text);
	}

	@Test
	void residentGoesFromDistrictToMeasureToPlaceToEnglishAndBackAndShowsIncidentStatistics() {
		browser.open("/");
		browser.headingIs("Stadsdelar");
		awaitBackground("#map");

		// The start view is set without animation; Leaflet would drop a zoom asked for during one.
		double zoom = browser.zoomOf("#map");
		browser.clickAndExpect(By.cssSelector("#map .leaflet-control-zoom-in"), ANSWER,
				driver -> browser.zoomOf("#map") > zoom);
		browser.clickAndExpect(By.cssSelector("[data-district='navertorp']"), ANSWER, heading("Nävertorp"));
		browser.clickAndExpect(By.xpath("//button[@data-measure and text()='" + MEASURE + "']"), ANSWER,
				heading(MEASURE));
		browser.clickAndExpect(By.xpath("//button[@data-place and text()='" + PLACE + "']"), ANSWER, heading(PLACE));
		browser.clickAndExpect(By.id("language"), ANSWER, text(By.cssSelector(".facts"), "Poor lighting"));
		assertBackgroundNotice("#map", "en");

		long start = System.nanoTime();
		browser.driver.navigate().back();
		browser.waitFor(heading(MEASURE));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the browser's back button").isLessThan(ANSWER);
		browser.clickAndExpect(By.cssSelector("button.back"), ANSWER, heading("Nävertorp"));
		browser.clickAndExpect(By.id("language"), ANSWER, text(By.id("panel-content"), "Genomförda"));
		browser.driver.findElement(By.cssSelector("details.incidents summary")).click();
		browser.clickAndExpect(By.id("incidents-on"), ANSWER,
				ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("path.incident-cell"), 0));
		assertBackgroundNotice("#map", "sv");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void plannerDrawsAPlaceSavesItAddsAMeasureAndShowsExactIncidents() {
		browser.logIn("planner");
		browser.open("/planering?omrade=navertorp");
		browser.headingIs("Nävertorp");
		awaitBackground("#map");

		browser.clickAndExpect(By.cssSelector("[data-action='new-place']"), ANSWER, heading("Ny plats"));
		browser.clickAndExpect(By.cssSelector("[data-draw='Polygon']"), ANSWER,
				text(By.cssSelector(".draw-status"), "Klicka på kartan"));
		WebElement map = browser.driver.findElement(By.id("map"));
		int[][] corners = { { -40, -30 }, { 40, -30 }, { 40, 30 }, { -40, 30 } };
		for (int[] corner : corners) {
			new Actions(browser.driver).moveToElement(map, corner[0], corner[1]).click().perform();
		}
		browser.clickAndExpect(By.cssSelector("[data-draw-finish]"), ANSWER,
				text(By.cssSelector(".draw-status"), "yta med 4 punkter"));
		field("name").sendKeys("Mörk gång bakom skolan");
		browser.driver.findElement(By.cssSelector("[data-field='reasons'] input[value='poor_lighting']")).click();
		saveAndExpect("Mörk gång bakom skolan");

		browser.clickAndExpect(By.xpath("//button[text()='Ny åtgärd för platsen']"), ANSWER, heading("Ny åtgärd"));
		field("title").sendKeys("Belysning i gången bakom skolan");
		new Select(field("status")).selectByValue("planned");
		saveAndExpect("Belysning i gången bakom skolan");

		browser.clickAndExpect(By.cssSelector("button.back"), ANSWER, heading("Nävertorp"));
		browser.clickAndExpect(By.id("exact-incidents"), ANSWER,
				ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".incident-dot, .cluster-incidents"), 0));
		assertBackgroundNotice("#map", "sv");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void followUpAndWalkProtocolMapsKeepAnswering() {
		browser.open("/uppfoljning?period=2022-2023&omrade=navertorp");
		browser.waitFor(text(By.id("followup-title"), "Nävertorp"));
		awaitBackground("#followup-map");
		browser.clickAndExpect(By.id("language"), ANSWER, text(By.tagName("h1"), "Citizen promises"));
		awaitBackground("#followup-map");
		assertBackgroundNotice("#followup-map", "en");
		browser.clickAndExpect(By.xpath("//nav[@aria-labelledby='district-chooser']//a[text()='Centrum']"), ANSWER,
				ExpectedConditions.urlContains("omrade=centrum"));
		browser.waitFor(text(By.id("followup-title"), "Centrum"));

		browser.open("/vandring?id=2");
		browser.waitFor(text(By.cssSelector(".kicker"), "Safety walk"));
		awaitBackground(".minimap");
		browser.clickAndExpect(By.id("language"), ANSWER, text(By.cssSelector(".kicker"), "Trygghetsvandring"));
		awaitBackground(".minimap");
		assertBackgroundNotice(".minimap", "sv");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	/**
	 * Saves the open form: the form answers at once that it is saving, and shows the saved item as
	 * soon as the server has stored it and the map has been reloaded.
	 */
	void saveAndExpect(String heading) {
		browser.clickAndExpect(By.cssSelector(".edit-form button[type='submit']"), ANSWER, driver -> browser.script("""
				return document.getElementById('panel-title')?.textContent === arguments[0]
				    || document.querySelector('form.edit-form[aria-busy]') !== null;""", heading));
		browser.headingIs(heading);
	}

	WebElement field(String name) {
		return browser.driver.findElement(By.cssSelector("[data-field='" + name + "'] input, [data-field='" + name
				+ "'] textarea, [data-field='" + name + "'] select"));
	}

}
