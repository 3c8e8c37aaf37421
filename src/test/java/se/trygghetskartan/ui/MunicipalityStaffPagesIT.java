package se.trygghetskartan.ui;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import se.trygghetskartan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages of a municipality under its slug: a planner of Flen (the demo's second municipality)
 * lands on Flen's planning page and plans there; on another municipality's page staff see what the
 * public sees and a way back; the admin page of a municipality shows its own settings.
 */
@IntegrationTest
class MunicipalityStaffPagesIT extends BrowserTest {

	@BeforeEach
	void signedOut() {
		browser.open("/login");
		browser.driver.manage().deleteAllCookies();
	}

	String path(String url) {
		return url.replace("http://localhost:" + port, "");
	}

	@Test
	void aPlannerOfFlenSigningInLandsOnFlensPlanningPageWhereEveryCallAsksForFlen() {
		browser.open("/login");
		browser.submitLogin("flen", "flen");
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/flen/planering"));
		browser.recordFetches();
		browser.driver.navigate().refresh();

		browser.visible(By.cssSelector("[data-action='new-place']"));
		assertThat(browser.texts(By.cssSelector("[data-district] .district-name"))).containsExactlyInAnyOrder("Centrum",
				"Skogsborg");
		assertThat(browser.fetches().stream().map(Browser.Fetch::url).filter(url -> url.startsWith("/api/")))
			.isNotEmpty()
			.allMatch(url -> url.contains("municipality=flen"), "asks for Flen");
		assertThat(path(browser.driver.findElement(By.cssSelector(".topnav a[data-i18n='app.publicMap']")).getAttribute("href")))
			.isEqualTo("/flen/");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void onAnotherMunicipalitysPlanningPageAPlannerGetsNoToolsButALinkToTheirOwn() {
		browser.logIn("flen");
		browser.open("/planering");

		browser.visible(By.cssSelector("p.notice[role='status']"));
		assertThat(browser.driver.findElements(By.cssSelector("[data-action='new-place']"))).isEmpty();
		assertThat(path(browser.driver.findElement(By.cssSelector("p.notice a")).getAttribute("href")))
			.isEqualTo("/flen/planering");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void theAdminPageOfAMunicipalityEditsThatMunicipalitysSettings() {
		browser.logIn("admin");
		browser.open("/flen/admin");

		browser.visible(By.id("municipality-heading"));
		assertThat(browser.driver.findElement(By.cssSelector("[data-field='name'] input")).getAttribute("value"))
			.isEqualTo("Flen");
		browser.open("/admin");
		browser.visible(By.id("municipality-heading"));
		assertThat(browser.driver.findElement(By.cssSelector("[data-field='name'] input")).getAttribute("value"))
			.isEqualTo("Katrineholm");
	}

}
