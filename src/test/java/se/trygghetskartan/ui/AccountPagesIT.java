package se.trygghetskartan.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestOidc;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The account pages as people use them: /admin, /konto and the login page, in Swedish first. */
@IntegrationTest
class AccountPagesIT extends BrowserTest {

	static final String PLACE = """
			{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2090,58.9950]},
			 "properties":{"name":"Från QGIS","reasons":["other"],"source":"other"}}""";

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminCreatesAPlannerWhoChoosesHerPasswordAndMakesATokenForQgis() {
		browser.consoleErrors();
		browser.driver.manage().deleteAllCookies();
		browser.logIn("admin");
		browser.open("/admin");
		browser.visible(By.id("users-table"));
		browser.driver.findElement(By.id("new-username")).sendKeys("ui-bertil");
		browser.driver.findElement(By.id("new-display-name")).sendKeys("Bertil Bläck");
		browser.driver.findElement(By.id("new-planner")).click();
		browser.driver.findElement(By.cssSelector("#new-user .secret button")).click();
		String temporary = browser.driver.findElement(By.id("new-password")).getDomProperty("value");
		browser.driver.findElement(By.cssSelector("#new-user button[type='submit']")).click();
		WebElement row = browser.visible(By.cssSelector("tr[data-username='ui-bertil']"));
		assertThat(row.getText()).contains("Bertil Bläck").contains("Planerare").contains("Måste byta lösenord");
		assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.driver.manage().deleteAllCookies();
		browser.open("/login");
		browser.submitLogin("ui-bertil", temporary);
		browser.waitFor(ExpectedConditions.urlContains("/konto"));
		assertThat(browser.visible(By.id("must-change")).getText()).contains("tillfälligt lösenord");
		assertThat(browser.driver.findElements(By.id("token-form"))).as("nothing but the password first").isEmpty();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.driver.findElement(By.id("current-password")).sendKeys(temporary);
		browser.driver.findElement(By.id("new-password")).sendKeys("Bläck-på-fingrarna-19");
		browser.driver.findElement(By.id("repeat-password")).sendKeys("Bläck-på-fingrarna-19");
		browser.driver.findElement(By.cssSelector("#password-form button[type='submit']")).click();
		assertThat(browser.visible(By.id("password-saved")).getText()).contains("Ditt lösenord är bytt");

		browser.visible(By.id("token-name")).sendKeys("QGIS på kontoret");
		browser.driver.findElement(By.cssSelector("#token-form button[type='submit']")).click();
		String token = browser.visible(By.id("new-token")).getDomProperty("value");
		browser.driver.findElement(By.cssSelector("#token-created button")).click();
		assertThat(browser.driver.findElement(By.id("tokens")).getText()).contains("QGIS på kontoret")
			.contains(token.substring(0, 9)).doesNotContain(token);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		ApiClient qgis = new ApiClient(port).as("ui-bertil", token);
		assertThat(qgis.post("/api/places", PLACE).status()).isEqualTo(201);
		browser.driver.findElement(By.id("language")).click();
		browser.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "My account"));
		browser.driver.findElement(By.id("language")).click();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void theLoginPageOffersSingleSignOnAndSaysWhenLoginsAreThrottled() {
		// A hundred failures for one user name from elsewhere (an address no other test uses): nobody gets
		// in with that name for a while.
		jdbc.sql("INSERT INTO login_failure (username, address) SELECT 'ui-guessed', '198.18.0.1' FROM generate_series(1, 100)")
			.update();
		browser.driver.manage().deleteAllCookies();
		browser.open("/login");

		assertThat(browser.visible(By.cssSelector("#sso a")).getText()).isEqualTo("Logga in med " + TestOidc.NAME);
		browser.submitLogin("ui-guessed", "vad som helst");
		assertThat(browser.visible(By.id("login-error")).getText())
			.matches("För många misslyckade inloggningar. Försök igen om \\d+ minuter.");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

}
