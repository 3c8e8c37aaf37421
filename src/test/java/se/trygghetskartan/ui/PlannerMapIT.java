package se.trygghetskartan.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlannerMapIT {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void startBrowserAndLogIn() {
		browser = new Browser(port);
		browser.logIn("planner");
		browser.headingIs("Stadsdelar");
	}

	@AfterAll
	void closeBrowser() {
		browser.close();
	}

	WebElement input(String field) {
		return browser.driver.findElement(By.cssSelector("[data-field='" + field + "'] input, [data-field='" + field
				+ "'] textarea, [data-field='" + field + "'] select"));
	}

	/** Clicks the map at these pixel offsets from its centre. */
	void clickMap(int... offsets) {
		WebElement map = browser.driver.findElement(By.id("map"));
		for (int i = 0; i < offsets.length; i += 2) {
			new Actions(browser.driver).moveToElement(map, offsets[i], offsets[i + 1]).click().perform();
		}
	}

	void startNewPlaceInNavertorp() {
		browser.open("/planering?omrade=navertorp");
		browser.headingIs("Nävertorp");
		browser.clickable(By.cssSelector("[data-action='new-place']")).click();
		browser.headingIs("Ny plats");
	}

	void save() {
		browser.driver.findElement(By.cssSelector(".edit-form button[type='submit']")).click();
	}

	/** Saves and waits for the saved item's page; a failed save fails with the form's errors. */
	void saveAndExpect(String heading) {
		save();
		browser.waitFor(driver -> heading.equals(browser.heading())
				|| !driver.findElements(By.cssSelector(".form-errors:not([hidden])")).isEmpty());
		assertThat(browser.heading()).as(() -> browser.driver.findElement(By.cssSelector(".form-errors")).getText())
			.isEqualTo(heading);
	}

	@Test
	void plannerDrawsAPolygonLinksANewMeasureAndResidentsSeeBoth() {
		browser.consoleErrors();
		startNewPlaceInNavertorp();
		browser.clickable(By.cssSelector("[data-draw='Polygon']")).click();
		clickMap(-40, -30, 40, -30, 40, 30, -40, 30);
		browser.clickable(By.cssSelector("[data-draw-finish]")).click();
		assertThat(browser.driver.findElement(By.cssSelector(".draw-status")).getText()).contains("yta med 4 punkter");
		input("name").sendKeys("Mörk parkering vid Nävertorp");
		browser.driver.findElement(By.cssSelector("[data-field='reasons'] input[value='poor_lighting']")).click();
		saveAndExpect("Mörk parkering vid Nävertorp");
		String url = browser.driver.getCurrentUrl();
		assertThat(url).contains("?plats=");
		browser.driver.navigate().refresh();
		browser.headingIs("Mörk parkering vid Nävertorp");
		assertThat(browser.driver.findElement(By.cssSelector(".facts")).getText()).contains("Nävertorp")
			.contains("Dålig belysning");

		browser.clickable(By.xpath("//button[text()='Ny åtgärd för platsen']")).click();
		browser.headingIs("Ny åtgärd");
		input("title").sendKeys("Belysning på parkeringen");
		new Select(input("status")).selectByValue("planned");
		// Typing into a native date picker depends on the browser's locale; set the value directly.
		browser.script("arguments[0].value = arguments[1]", input("plannedStart"), "2027-03-01");
		browser.script("arguments[0].value = arguments[1]", input("plannedEnd"), "2027-05-31");
		saveAndExpect("Belysning på parkeringen");
		assertThat(browser.texts(By.cssSelector("[data-place]"))).containsExactly("Mörk parkering vid Nävertorp");
		assertThat(browser.consoleErrors()).isEmpty();

		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		assertThat(browser.texts(By.cssSelector("[data-status='planned'] [data-measure]")))
			.contains("Belysning på parkeringen");
		assertThat(browser.texts(By.cssSelector("[data-place]"))).contains("Mörk parkering vid Nävertorp");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void aPlannerSeesADraftMarkedAndPublishesItAfterWhichResidentsSeeIt() {
		long id = new ApiClient(port).as("admin", "admin").post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2340,58.9995]},
				 "properties":{"name":"Utkast från kvällsvandringen","reasons":["poor_lighting"],"source":"safety_walk",
				  "published":false}}""").json().get("id").longValue();
		try (Browser resident = new Browser(port)) {
			resident.open("/?plats=" + id);
			resident.headingIs("Hittade inte det du sökte. Det kan ha tagits bort.");

			browser.consoleErrors();
			browser.open("/planering?omrade=navertorp");
			browser.headingIs("Nävertorp");
			WebElement listed = browser.driver.findElement(By.cssSelector("[data-place='" + id + "']"));
			assertThat(listed.findElement(By.xpath("following-sibling::*[@class='draft-mark']")).getText())
				.isEqualTo("Utkast");
			listed.click();
			browser.headingIs("Utkast från kvällsvandringen");
			assertThat(browser.visible(By.cssSelector(".draft-notice")).getText()).startsWith("Utkast");
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
			browser.clickable(By.cssSelector("[data-action='edit']")).click();
			browser.headingIs("Redigera: Utkast från kvällsvandringen");
			assertThat(input("published").isSelected()).isFalse();
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
			input("published").click();
			saveAndExpect("Utkast från kvällsvandringen");
			assertThat(browser.driver.findElements(By.cssSelector(".draft-notice"))).isEmpty();
			assertThat(browser.consoleErrors()).isEmpty();

			resident.open("/?plats=" + id);
			resident.headingIs("Utkast från kvällsvandringen");
			assertThat(resident.driver.findElements(By.cssSelector(".draft-notice, .draft-mark"))).isEmpty();
			assertThat(resident.consoleErrors()).isEmpty();
		}
	}

	@Test
	void serverValidationErrorsAppearBesideTheFieldAndOnTheMap() {
		startNewPlaceInNavertorp();
		browser.clickable(By.cssSelector("[data-draw='Polygon']")).click();
		// A bow tie: the edges cross in the middle.
		clickMap(-40, -30, 40, 30, 40, -30, -40, 30);
		browser.clickable(By.cssSelector("[data-draw-finish]")).click();
		save();

		WebElement summary = browser.visible(By.cssSelector(".form-errors"));
		assertThat(summary.getText()).contains("ytan korsar sig själv vid [16.");
		WebElement nameError = browser.driver.findElement(By.cssSelector("[data-field='name'] .field-error"));
		assertThat(nameError.isDisplayed()).isTrue();
		assertThat(nameError.getText()).isEqualTo("får inte vara tomt");
		assertThat(input("name").getAttribute("aria-invalid")).isEqualTo("true");
		// The error's own tooltip, not one that the pointer's passing over a district opens and closes.
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".leaflet-tooltip.map-error"),
				"korsar sig själv"));
	}

	@Test
	void whenSomeoneElseSavedFirstThePlannerIsToldAndCanReload() {
		ApiClient api = new ApiClient(port).as("admin", "admin");
		long id = api.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2330,58.9990]},
				 "properties":{"name":"Delad plats","reasons":["other"],"source":"resident"}}""")
			.json()
			.get("id")
			.longValue();
		browser.open("/planering?plats=" + id);
		browser.headingIs("Delad plats");
		browser.clickable(By.cssSelector("[data-action='edit']")).click();
		browser.headingIs("Redigera: Delad plats");

		api.put("/api/places/" + id, """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2330,58.9990]},
				 "properties":{"name":"Delad plats (admins version)","reasons":["other"],"source":"resident"}}""", "\"0\"");
		input("name").clear();
		input("name").sendKeys("Delad plats (planerarens version)");
		save();

		WebElement summary = browser.visible(By.cssSelector(".form-errors"));
		assertThat(summary.getText()).contains("Någon annan hann spara");
		summary.findElement(By.tagName("button")).click();
		browser.headingIs("Redigera: Delad plats (admins version)");
		assertThat(input("name").getAttribute("value")).isEqualTo("Delad plats (admins version)");
	}

	@Test
	void changeHistoryShowsWhoChangedWhat() {
		ApiClient api = new ApiClient(port).as("planner", "planner");
		long id = api.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2340,58.9985]},
				 "properties":{"name":"Före","reasons":["other"],"source":"resident"}}""").json().get("id").longValue();
		api.put("/api/places/" + id, """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2340,58.9985]},
				 "properties":{"name":"Efter","reasons":["other"],"source":"resident"}}""", "\"0\"");

		browser.consoleErrors();
		browser.open("/planering?plats=" + id);
		browser.headingIs("Efter");
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".history"), "ändrade"));

		String history = browser.driver.findElement(By.cssSelector(".history")).getText();
		assertThat(history).contains("planner").contains("skapade").contains("Namn: Före → Efter");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void plannerPageHasNoSeriousAccessibilityViolations() {
		browser.open("/planering?omrade=navertorp");
		browser.headingIs("Nävertorp");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.clickable(By.cssSelector("[data-action='new-measure']")).click();
		browser.headingIs("Ny åtgärd");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

}
