package se.trygghetskartan.ui;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.vocabulary.ExtraTerm;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages keep no vocabulary of their own: a measure type the front end has never heard of shows
 * in the planner's measure form, the filters and the legend as soon as the server serves it. The
 * enum cannot grow in a test, so a second instance of the app (on the shared database) is given one
 * more measure type as an {@link ExtraTerm} bean, the one way the served vocabularies can be extended
 * without changing an enum; the front end is the same files as everywhere else.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewVocabularyTermIT {

	/** The extra measure type; no annotation, so only the instance it is given to has it. */
	static class StreetArt {

		@Bean
		ExtraTerm streetArt() {
			return new ExtraTerm("measureTypes", "street_art", Map.of("sv", "Gatukonst", "en", "Street art"));
		}

	}

	@LocalServerPort
	int port;

	ConfigurableApplicationContext extended;

	Browser browser;

	@BeforeAll
	void startAnInstanceWithOneMoreMeasureType() {
		extended = AppInstance.start(AppInstance.sharedDatabase(), new Class<?>[] { StreetArt.class },
				"--spring.profiles.active=demo");
		browser = new Browser(AppInstance.port(extended));
		browser.logIn("planner");
		browser.headingIs("Stadsdelar");
	}

	@AfterAll
	void stopIt() {
		if (browser != null) {
			browser.close();
		}
		if (extended != null) {
			extended.close();
		}
	}

	@Test
	void aMeasureTypeOnlyTheServerKnowsIsOfferedInThePlannersMeasureFormWithItsLabel() {
		assertThat(new ApiClient(port).get("/api/vocabularies").body()).as("the app itself has no such type")
			.doesNotContain("street_art");
		assertThat(new ApiClient(AppInstance.port(extended)).get("/api/vocabularies").body()).contains("street_art");

		browser.clickable(By.cssSelector("[data-action='new-measure']")).click();
		browser.headingIs("Ny åtgärd");
		Select type = new Select(browser.driver.findElement(By.cssSelector("[data-field='type'] select")));

		assertThat(type.getOptions()).extracting(option -> option.getAttribute("value")).endsWith("other", "street_art");
		assertThat(type.getOptions()).extracting(WebElement::getText).contains("Belysning").endsWith("Gatukonst");
		type.selectByVisibleText("Gatukonst");
		assertThat(type.getFirstSelectedOption().getAttribute("value")).isEqualTo("street_art");
	}

	@Test
	void theFiltersAndTheLegendListItWithTheGenericIconForATypeWithoutAnIconOfItsOwn() {
		browser.open("/planering");
		browser.headingIs("Stadsdelar");

		WebElement filter = browser.driver.findElement(By.id("filter-street_art"));
		assertThat(filter.isSelected()).as("a new type is shown like every other").isTrue();
		assertThat(browser.driver.findElement(By.cssSelector("label[for='filter-street_art']")).getAttribute("textContent"))
			.isEqualTo("Gatukonst");
		WebElement icon = browser.driver.findElement(By.cssSelector("label[for='filter-street_art'] img"));
		// The generic icon at its content-hashed URL (/icons/generic-<md5>.svg).
		browser.waitFor(driver -> icon.getAttribute("src").matches(".*/icons/generic(-[0-9a-f]{32})?\\.svg")
				&& (Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", icon));
		assertThat(browser.driver.findElements(By.cssSelector(".legend li")))
			.anyMatch(item -> "Gatukonst".equals(browser.textContent(item)));
		// The only complaint is the missing icon file the generic one stands in for.
		assertThat(browser.consoleErrors()).allMatch(error -> error.contains("/icons/street_art.svg"));
	}

}
