package se.trygghetskartan.ui;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestMunicipalities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages of a municipality under its slug: a planner of Flen (the demo's second municipality)
 * lands on Flen's planning page and plans there; on another municipality's page staff see what the
 * public sees and a way back; the admin page of a municipality shows its own settings; the
 * installation's admins create a municipality and its first planner in the browser.
 */
@IntegrationTest
class MunicipalityStaffPagesIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	void removeWhatTheTestsMade() {
		jdbc.sql("DELETE FROM app_user WHERE username = 'ui-provplanerare'").update();
		new TestMunicipalities(jdbc).remove("provkommun");
	}

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
		browser.consoleErrors();
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

	@Test
	void anInstallationAdminCreatesAMunicipalityAndItsFirstPlannerInTheBrowser() {
		browser.logIn("admin");
		browser.open("/admin");
		browser.visible(By.id("municipalities-table"));
		WebElement form = browser.driver.findElement(By.id("new-municipality"));
		form.findElement(By.cssSelector("[data-field='name'] input")).sendKeys("Provkommun");
		form.findElement(By.cssSelector("[data-field='slug'] input")).sendKeys("admin");
		form.findElement(By.cssSelector("[data-field='code'] input")).sendKeys("9902");
		String[] extent = { "16.0", "59.1", "16.2", "59.2" };
		List<WebElement> corners = form.findElements(By.cssSelector("fieldset input[type='number']"));
		for (int i = 0; i < 4; i++) {
			corners.get(i).sendKeys(extent[i]);
		}
		form.findElement(By.cssSelector("[data-action='create-municipality']")).click();
		assertThat(browser.visible(By.cssSelector("#new-municipality [data-field='slug'] .field-error")).getText())
			.as("a path of the app is no municipality's").contains("admin");

		WebElement slug = form.findElement(By.cssSelector("[data-field='slug'] input"));
		slug.clear();
		slug.sendKeys("provkommun");
		form.findElement(By.cssSelector("[data-action='create-municipality']")).click();
		WebElement row = browser.visible(By.cssSelector("tr[data-municipality='provkommun']"));
		assertThat(row.getText()).contains("Provkommun", "9902");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		row.findElement(By.linkText("Administrera")).click();
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/provkommun/admin"));
		browser.visible(By.id("users-table"));
		browser.driver.findElement(By.id("new-username")).sendKeys("ui-provplanerare");
		browser.driver.findElement(By.id("new-planner")).click();
		browser.driver.findElement(By.cssSelector("#new-user .secret button")).click();
		browser.driver.findElement(By.cssSelector("#new-user button[type='submit']")).click();
		assertThat(browser.visible(By.cssSelector("tr[data-username='ui-provplanerare']")).getText())
			.contains("Planerare (Provkommun)");
		assertThat(jdbc.sql("SELECT role || '@' || scope FROM role_grant WHERE username = 'ui-provplanerare'")
			.query(String.class)
			.list()).containsExactly("planner@municipality:provkommun");
	}

}
