package se.trygghetskartan.ui;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Få e-post om förändringar" in a district's panel, used with the keyboard alone: a wrong address is
 * marked and said what is wrong with it; a right one is thanked without telling whether it was
 * subscribed; and the page an e-mail's link opens acts only on its button.
 */
@IntegrationTest
class SubscribeFormIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentSubscribesToNavertorpWithTheKeyboardAndThePanelPassesAxe() {
		browser.consoleErrors();
		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		WebElement form = browser.visible(By.cssSelector("form.subscribe"));
		assertThat(form.findElement(By.tagName("h3")).getText()).isEqualTo("Få e-post om förändringar");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		WebElement email = form.findElement(By.cssSelector("input[type=email]"));
		assertThat(browser.driver.findElement(By.cssSelector("label[for='" + email.getAttribute("id") + "']")).getText())
			.isEqualTo("Din e-postadress");
		email.sendKeys("inte en adress", Keys.ENTER);
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".subscribe-status"),
				"Det gick inte att prenumerera"));
		assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.driver.switchTo().activeElement()).as("back in the field").isEqualTo(email);
		assertThat(browser.consoleErrors()).as("the 422 only").hasSize(1).allMatch(error -> error.contains("422"));

		email.sendKeys(Keys.chord(Keys.CONTROL, "a"), "boende.navertorp@example.se", Keys.TAB);
		assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Prenumerera");
		browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".subscribe-status"), "Tack!"));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM subscription s JOIN neighbourhood_overview n ON n.id = s.neighbourhood_id
				WHERE s.email = 'boende.navertorp@example.se' AND n.slug = 'navertorp' AND s.confirmed_at IS NULL
				  AND s.language = 'sv'""").query(Long.class).single()).isEqualTo(1);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void withoutAnAnswerTheFormSaysToTryAgainAndKeepsTheAddress() {
		browser.consoleErrors();
		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		WebElement form = browser.visible(By.cssSelector("form.subscribe"));
		WebElement email = form.findElement(By.cssSelector("input[type=email]"));
		email.sendKeys("utan.natverk@example.se");
		browser.driver.executeCdpCommand("Network.enable", Map.of());
		browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
				"downloadThroughput", -1, "uploadThroughput", -1));
		try {
			email.sendKeys(Keys.ENTER);
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".subscribe-status"),
					"Det gick inte att skicka just nu. Försök igen om en stund."));
		}
		finally {
			browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
					"downloadThroughput", -1, "uploadThroughput", -1));
		}
		assertThat(email.getAttribute("value")).as("the address stays").isEqualTo("utan.natverk@example.se");
		assertThat(email.getAttribute("aria-invalid")).as("nothing wrong with the address").isNull();
		assertThat(form.findElement(By.tagName("button")).isEnabled()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM subscription WHERE email = 'utan.natverk@example.se'")
			.query(Long.class).single()).isZero();
		assertThat(browser.consoleErrors()).allMatch(message -> message.contains("Failed to fetch")
				|| message.contains("ERR_INTERNET_DISCONNECTED"));
	}

	@Test
	void theLinkOfAMailOpensAPageWhoseButtonActsAndSaysWhenTheLinkIsNoLongerValid() {
		browser.consoleErrors();
		browser.open("/abonnemang?avsluta=1-inte-giltig");
		browser.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Sluta prenumerera"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		WebElement button = browser.clickable(By.xpath("//main//button[text()='Sluta prenumerera']"));
		button.sendKeys(Keys.ENTER);
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main [role=status]"),
				"Länken gäller inte längre"));
	}

}
