package se.trygghetskartan.ui;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class PublicMapIT extends BrowserTest {

	static final By MEASURE_TITLES = By.cssSelector("[data-measure]");

	List<String> measuresWithStatus(String status) {
		return browser.texts(By.cssSelector("[data-status='" + status + "'] [data-measure]"));
	}

	@Test
	void residentChoosesNavertorpAndSeesItsMeasuresByStatusAndAPermalinkLandsOnTheSameView() {
		browser.consoleErrors();
		browser.open("/");
		browser.clickable(By.cssSelector("[data-district='navertorp']")).click();
		browser.headingIs("Nävertorp");

		assertThat(browser.driver.getCurrentUrl()).endsWith("/?omrade=navertorp");
		for (WebElement group : browser.driver.findElements(By.cssSelector(".status-group"))) {
			int listed = group.findElements(By.cssSelector("[data-measure]")).size();
			assertThat(group.findElement(By.tagName("h4")).getText()).endsWith("(" + listed + ")");
		}
		assertThat(browser.texts(By.cssSelector(".status-group h4"))).anyMatch(h -> h.startsWith("Pågående"))
			.anyMatch(h -> h.startsWith("Planerade"))
			.anyMatch(h -> h.startsWith("Genomförda"));
		List<String> planned = measuresWithStatus("planned");
		assertThat(planned).contains("Belysning längs parkstråket i Nävertorp", "Kamerabevakning vid Nävertorps torg");
		assertThat(measuresWithStatus("done")).contains("Ny belysning i gångtunneln vid Nävertorp");
		List<String> all = browser.texts(MEASURE_TITLES);

		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		assertThat(browser.texts(MEASURE_TITLES)).isEqualTo(all);
		assertThat(measuresWithStatus("planned")).isEqualTo(planned);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void placeAndMeasureLinkToEachOtherAndEachHasAPermalink() {
		browser.open("/?omrade=navertorp");
		browser.clickable(By.xpath("//button[@data-place and text()='Gångtunneln vid Nävertorp']")).click();
		browser.headingIs("Gångtunneln vid Nävertorp");
		String placeUrl = browser.driver.getCurrentUrl();
		assertThat(placeUrl).contains("?plats=");
		assertThat(browser.driver.findElement(By.cssSelector(".facts")).getText()).contains("Dålig belysning")
			.contains("Trygghetsvandring");

		browser.clickable(By.xpath("//button[@data-measure and text()='Ny belysning i gångtunneln vid Nävertorp']"))
			.click();
		browser.headingIs("Ny belysning i gångtunneln vid Nävertorp");
		String facts = browser.driver.findElement(By.cssSelector(".facts")).getText();
		assertThat(facts).contains("Kommunen").contains("Genomförd").contains("2022");
		assertThat(browser.texts(By.cssSelector("[data-place]"))).contains("Gångtunneln vid Nävertorp");

		browser.open(placeUrl.substring(placeUrl.indexOf("/?")));
		browser.headingIs("Gångtunneln vid Nävertorp");
	}

	@Test
	void filtersByTypeHideOtherMeasures() {
		browser.open("/?omrade=centrum");
		browser.headingIs("Centrum");
		browser.driver.findElement(By.cssSelector("details.filters summary")).click();
		for (String type : List.of("lighting", "vegetation", "bike_rack", "patrol", "safety_hosts", "youth_meeting_place",
				"campaign", "other")) {
			browser.driver.findElement(By.id("filter-" + type)).click();
		}

		// The server lists the district's measures anew for the filter; the list is busy until it has.
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".district-measures:not([aria-busy])")));
		assertThat(browser.texts(MEASURE_TITLES)).contains("Kamerabevakning av Stationstorget")
			.doesNotContain("Belysning i gångtunneln under järnvägen", "Nya cykelställ med ramlås vid stationen");
	}

	@Test
	void switchesToEnglishAndBack() {
		browser.open("/");
		browser.headingIs("Stadsdelar");
		browser.clickable(By.id("language")).click();
		browser.headingIs("Districts");
		assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		browser.clickable(By.id("language")).click();
		browser.headingIs("Stadsdelar");
	}

	@Test
	void onAPhoneTheMapAndTheDistrictPanelShareTheScreen() {
		browser.phoneSized();
		try {
			browser.open("/?omrade=navertorp");
			browser.headingIs("Nävertorp");
			WebElement map = browser.driver.findElement(By.id("map"));
			WebElement panel = browser.driver.findElement(By.id("panel"));
			assertThat(map.getSize().getWidth()).isEqualTo(panel.getSize().getWidth());
			assertThat(panel.getLocation().getY()).as("the panel is a sheet below the map")
				.isGreaterThan(map.getLocation().getY());
			assertThat(map.getSize().getHeight()).isGreaterThan(250);
		}
		finally {
			browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		}
	}

	@Test
	void userTextIsShownAsTextAndNeverRunsAsHtml() {
		String name = "<img src=x onerror=alert(1)>";
		long id = new ApiClient(port).as("planner", "planner").post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2335,59.0000]},
				 "properties":{"name":"<img src=x onerror=alert(1)>","description":"<script>alert(2)</script>",
				 "reasons":["other"],"source":"resident"}}""").json().get("id").longValue();

		browser.open("/?plats=" + id);
		browser.headingIs(name);
		browser.open("/?omrade=navertorp");
		browser.visible(By.xpath("//button[@data-place='" + id + "']"));

		assertThat(browser.driver.findElement(By.xpath("//button[@data-place='" + id + "']")).getText()).isEqualTo(name);
		assertThat(browser.driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
		assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
	}

	@Test
	void publicPageAndListViewHaveNoSeriousAccessibilityViolations() {
		browser.consoleErrors();
		browser.open("/");
		browser.headingIs("Stadsdelar");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".leaflet-marker-icon")));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.clickable(By.id("view-toggle")).click();
		assertThat(browser.driver.getCurrentUrl()).contains("vy=lista");
		assertThat(browser.driver.findElement(By.id("map")).isDisplayed()).isFalse();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
	}

}
