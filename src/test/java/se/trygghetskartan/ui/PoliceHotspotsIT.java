package se.trygghetskartan.ui;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.TestIncidentSources;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestIncidentSources;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The police's hotspots (#11): named by district and nearest place, outlined on the map when
 * chosen, for a date range that also bounds the exact incidents, whose clusters are not the
 * measures'. The incidents here are from 2006, a year nothing else uses.
 */
@IntegrationTest
class PoliceHotspotsIT {

	static final String NAME = "(Centrum|Norr|Nävertorp), (nära .+|ingen känd otrygg plats i närheten)|Utanför stadsdelarna";

	@LocalServerPort
	int port;

	void importIncidents(int count) {
		StringBuilder csv = new StringBuilder("id;occurred_at;category;lon;lat\n");
		for (int i = 0; i < count; i++) {
			csv.append("UIH-").append(i).append(";2006-0").append(1 + i).append("-12T22:00;bike_theft;16.2052;58.9957\n");
		}
		TestIncidentSources.ensure(new ApiClient(port).as("planner", "planner"), "ui-hotspots");
		Response imported = new ApiClient(port).as("police", "police")
			.post("/api/incident-imports?source=ui-hotspots&wait=true", csv.toString(), "text/csv");
		assertThat(imported.json().get("imported").intValue()).as(imported.toString()).isEqualTo(count);
	}

	void setDate(Browser browser, String id, String date) {
		browser.script("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
				+ "input.dispatchEvent(new Event('change'));", id, date);
	}

	@Test
	void thePoliceChooseADateRangeAndSeeHotspotsNamedByPlaceOutlinedWhenChosenAndTheirOwnIncidentClusters() {
		importIncidents(7);
		try (Browser browser = new Browser(port)) {
			browser.consoleErrors();
			browser.logIn("police");
			browser.headingIs("Stadsdelar");
			List<WebElement> named = browser.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(
					By.cssSelector("[data-action='show-hotspot']"), 0));
			assertThat(named).extracting(WebElement::getText).allMatch(name -> name.matches(NAME));
			String year = browser.driver.findElement(By.id("incidents-from")).getAttribute("value").substring(0, 4);
			assertThat(browser.driver.findElement(By.id("incidents-to")).getAttribute("value")).isEqualTo(year + "-12-31");

			setDate(browser, "incidents-from", "2006-01-01");
			setDate(browser, "incidents-to", "2006-12-31");
			WebElement hotspot = browser.waitFor(ExpectedConditions.numberOfElementsToBe(
					By.cssSelector("[data-action='show-hotspot']"), 1)).get(0);
			String nearest = new ApiClient(port).as("police", "police")
				.get("/api/incident-hotspots?from=2006-01-01&to=2006-12-31")
				.json()
				.get("features")
				.get(0)
				.get("properties")
				.get("nearestPlace")
				.get("name")
				.stringValue();
			assertThat(hotspot.getText()).startsWith("Centrum, nära " + nearest);
			assertThat(browser.driver.findElement(By.cssSelector(".hotspots li .meta")).getText()).isEqualTo("7 händelser");

			double zoom = browser.zoomOf("#map");
			hotspot.click();
			WebElement outline = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector("#map path.hotspot-outline")));
			browser.waitFor(driver -> browser.zoomOf("#map") > zoom);
			assertThat(hotspot.getAttribute("aria-pressed")).isEqualTo("true");
			assertThat(outline.getRect().getWidth()).isGreaterThan(40);
			assertThat(browser.script("return document.getElementById('announcer').textContent"))
				.isEqualTo("Rutan " + hotspot.getText() + " är markerad på kartan.");

			browser.clickable(By.id("exact-incidents")).click();
			browser.waitFor(driver -> shownIncidents(browser) == 7);
			for (WebElement cluster : browser.driver.findElements(By.cssSelector("#map .cluster-incidents"))) {
				assertThat(browser.textContent(cluster)).matches("\\d+ händelser");
				assertThat(cluster.getCssValue("border-top-left-radius")).isEqualTo("3px");
			}
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();

			setDate(browser, "incidents-from", "2006-12-31");
			setDate(browser, "incidents-to", "2006-01-01");
			WebElement error = browser.visible(By.id("incidents-range-error"));
			assertThat(error.getText()).isEqualTo("Välj ett från-datum som inte är efter till-datumet.");
			assertThat(browser.driver.findElement(By.id("incidents-from")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(browser.driver.findElements(By.cssSelector("[data-action='show-hotspot']"))).isEmpty();
			assertThat(browser.driver.findElements(By.cssSelector("#map path.hotspot-outline"))).isEmpty();
			assertThat(shownIncidents(browser)).isZero();
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	/** The exact incidents on the map: single dots and what the clusters count. */
	long shownIncidents(Browser browser) {
		long dots = browser.driver.findElements(By.cssSelector("#map .incident-dot")).size();
		long clustered = browser.driver.findElements(By.cssSelector("#map .cluster-incidents")).stream()
			.mapToLong(cluster -> Long.parseLong(browser.textContent(cluster).replaceAll("\\D", "")))
			.sum();
		return dots + clustered;
	}

}
