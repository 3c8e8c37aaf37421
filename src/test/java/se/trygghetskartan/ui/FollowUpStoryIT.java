package se.trygghetskartan.ui;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up tells one consistent story (#11): with a district chosen every figure is the
 * district's or says it is the municipality's, the key figures count what the lists show, and a
 * walk's protocol maps every stop and says what became of it.
 */
@IntegrationTest
class FollowUpStoryIT extends BrowserTest {

	int figure(String key) {
		return Integer.parseInt(browser.driver.findElement(By.cssSelector("[data-figure='" + key + "'] .figure-value"))
			.getText());
	}

	@Test
	void withADistrictChosenEveryFigureIsTheDistrictsOrSaysThatItIsTheWholeMunicipalitys() {
		browser.consoleErrors();
		browser.open("/uppfoljning?period=2022-2023&omrade=navertorp");
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("followup-title"), "Nävertorp"));

		assertThat(browser.texts(By.cssSelector(".progress-text"))).isNotEmpty()
			.allMatch(text -> text.matches("(Hela kommunen|Nävertorp): \\d+ % uppfyllt"));
		assertThat(browser.driver.findElement(By.id("key-figures")).getText()).isEqualTo("I korthet: Nävertorp");

		// The key figures count the activities the timeline lists, and each commitment's "held" list is among them.
		List<String> timeline = browser.texts(By.cssSelector("ol.timeline li"));
		assertThat(figure("walks") + figure("dialogues") + figure("operations")).isEqualTo(timeline.size());
		for (WebElement held : browser.driver.findElements(By.cssSelector("[data-activities='held'] li"))) {
			assertThat(timeline).anyMatch(line -> line.contains(browser.textContent(held).replaceFirst("^[^:]+: ", "")));
		}
		for (WebElement outside : browser.driver.findElements(By.cssSelector("[data-activities='outside'] li"))) {
			assertThat(timeline).noneMatch(line -> line.contains(browser.textContent(outside).replaceFirst("^[^:]+: ", "")));
		}

		// A commitment's measures in the district: the bar, its words and the list agree, and with "I korthet".
		WebElement commitment = browser.driver.findElement(By.xpath(
				"//li[contains(@class,'commitment')][.//p[contains(., 'sätta in åtgärder, både kortsiktiga')]]"));
		List<String> statuses = commitment.findElements(By.cssSelector("[data-measures] li")).stream()
			.map(browser::textContent)
			.map(text -> text.substring(text.indexOf(" – ") + 3).strip())
			.toList();
		long counted = statuses.stream().filter(s -> !s.startsWith("Avslagen")).count();
		long done = statuses.stream().filter(s -> s.startsWith("Genomförd")).count();
		String share = commitment.findElement(By.cssSelector(".district-share")).getText();
		assertThat(share).contains("Nävertorp: " + Math.round(100.0 * done / counted) + " % uppfyllt")
			.contains("I Nävertorp: " + done + " av " + counted + " kopplade åtgärder genomförda");
		Matcher whole = Pattern
			.compile("Hela kommunen: (\\d+) % uppfyllt \\((\\d+) av (\\d+) kopplade åtgärder genomförda\\)")
			.matcher(commitment.findElement(By.cssSelector(".whole-share")).getText());
		assertThat(whole.find()).isTrue();
		assertThat(Integer.parseInt(whole.group(3))).isGreaterThanOrEqualTo((int) counted);
		assertThat(figure("done")).isEqualTo(done);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void theWalkProtocolMapsEveryStopNumberedAndEachStopSaysWhatBecameOfIt() {
		browser.consoleErrors();
		browser.open("/vandring?id=2");
		browser.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Trygghetsvandring i Nävertorp"));
		List<WebElement> stops = browser.driver.findElements(By.cssSelector(".stops > li"));
		List<WebElement> markers = browser.waitFor(ExpectedConditions.numberOfElementsToBe(
				By.cssSelector(".minimap .leaflet-marker-icon.stop-marker"), stops.size()));

		assertThat(markers).extracting(marker -> marker.getAttribute("title"))
			.containsExactly("Stopp 1: Gångtunneln vid Nävertorp", "Stopp 2: Parkstråket i Nävertorp",
					"Stopp 3: Garagelängorna");
		assertThat(browser.textContent(markers.get(0))).as("the name screen readers hear")
			.endsWith("Stopp 1: Gångtunneln vid Nävertorp");
		assertThat(markers).allMatch(WebElement::isDisplayed)
			.allMatch(marker -> "0".equals(marker.getAttribute("tabindex")));
		WebElement first = stops.get(0).findElement(By.cssSelector(".stop-outcome"));
		assertThat(first.findElement(By.cssSelector(".outcome-place a")).getText()).isEqualTo("Gångtunneln vid Nävertorp");
		assertThat(first.findElement(By.cssSelector(".outcome-place a")).getAttribute("href")).contains("/?plats=");
		assertThat(first.findElements(By.cssSelector(".outcome-measures li"))).extracting(WebElement::getText)
			.contains("Ny belysning i gångtunneln vid Nävertorp\nBelysning · Genomförd",
					"Röjning av slänterna vid gångtunneln i Nävertorp\nVäxtlighet · Genomförd");
		assertThat(stops.get(1).findElement(By.cssSelector(".outcome-measures")).getText())
			.contains("Belysning längs parkstråket i Nävertorp").contains("Planerad");

		browser.script("arguments[0].focus()", markers.get(2));
		new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
		browser.waitFor(driver -> "stop-3".equals(browser.script("return document.activeElement.id")));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
	}

}
