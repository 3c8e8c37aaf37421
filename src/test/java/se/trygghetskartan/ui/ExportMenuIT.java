package se.trygghetskartan.ui;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import se.trygghetskartan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planners' "Ladda ner" menu, by keyboard alone: reached with Tab, opened with Enter, the CRS
 * chosen with the arrow keys, closed with Escape; its links name the page's municipality and the
 * chosen CRS (nothing is downloaded here: the files themselves are ExportIT's).
 */
@IntegrationTest
class ExportMenuIT extends BrowserTest {

	@BeforeAll
	void logIn() {
		browser.logIn("planner");
		browser.headingIs("Stadsdelar");
	}

	@Test
	void theDownloadMenuOpensByKeyboardAndItsLinksCarryTheMunicipalityAndTheChosenCrs() {
		WebElement toggle = browser.visible(By.cssSelector("[data-action='export']"));
		assertThat(toggle.getText()).isEqualTo("Ladda ner");
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		for (int tab = 0; tab < 80 && !toggle.equals(focused()); tab++) {
			new Actions(browser.driver).sendKeys(Keys.TAB).perform();
		}
		assertThat(focused()).as("reached with Tab").isEqualTo(toggle);

		new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		WebElement menu = browser.visible(By.id("export-menu"));
		assertThat(hrefs()).hasSize(15)
			.allMatch(href -> href.contains("municipality=katrineholm") && href.contains("crs=EPSG%3A3006"));
		assertThat(hrefs()).contains(
				"http://localhost:" + port + "/api/export/places.gpkg?municipality=katrineholm&crs=EPSG%3A3006");
		assertThat(menu.findElement(By.cssSelector("a[data-layer='places'][data-format='gpkg']")).getAccessibleName())
			.isEqualTo("Otrygga platser, GeoPackage");

		new Actions(browser.driver).sendKeys(Keys.TAB).perform();
		assertThat(focused().getAttribute("value")).as("the CRS choice comes first").isEqualTo("EPSG:3006");
		new Actions(browser.driver).sendKeys(Keys.ARROW_RIGHT).perform();
		assertThat(focused().getAttribute("value")).isEqualTo("EPSG:4326");
		assertThat(hrefs()).hasSize(15).allMatch(href -> href.contains("crs=EPSG%3A4326"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
		assertThat(menu.isDisplayed()).isFalse();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(focused()).as("focus back on the button").isEqualTo(toggle);
	}

	private WebElement focused() {
		return browser.driver.switchTo().activeElement();
	}

	private List<String> hrefs() {
		return browser.driver.findElements(By.cssSelector("#export-menu a"))
			.stream()
			.map(link -> link.getAttribute("href"))
			.toList();
	}

}
