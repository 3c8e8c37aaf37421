package se.trygghetskartan.ui;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestTiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The map journeys with background tiles that load, from the test's own tile server. */
@IntegrationTest
class MapWithTilesIT extends MapJourneys {

	@Test
	void whileTheTileServerNeverAnswersTheMapWorksAndSaysSoAfterAWhileUntilTilesArrive() throws Exception {
		try (AutoCloseable silence = TestTiles.silenced()) {
			browser.open("/");
			browser.headingIs("Stadsdelar");
			browser.clickAndExpect(By.cssSelector("[data-district='navertorp']"), ANSWER, heading("Nävertorp"));
			WebElement notice = new WebDriverWait(browser.driver, Duration.ofSeconds(30))
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#map .map-notice")));
			assertThat(notice.getText()).isEqualTo(NO_BACKGROUND_SV);
			browser.clickAndExpect(By.xpath("//button[@data-measure and text()='" + MEASURE + "']"), ANSWER,
					heading(MEASURE));
		}
		awaitBackground("#map");
		browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#map .map-notice")));
	}

	@Override
	void awaitBackground(String map) {
		browser.waitFor(driver -> !driver.findElements(By.cssSelector(map + " img.leaflet-tile-loaded")).isEmpty());
		assertThat(TestTiles.served()).isPositive();
	}

	@Override
	void assertBackgroundNotice(String map, String language) {
		assertThat(browser.driver.findElements(By.cssSelector(map + " .map-notice"))).isEmpty();
	}

	@Override
	List<String> unexpectedConsoleErrors() {
		return browser.consoleErrors();
	}

}
