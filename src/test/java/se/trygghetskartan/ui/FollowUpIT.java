package se.trygghetskartan.ui;

import java.time.LocalDate;

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
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpIT {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void startBrowser() {
		browser = new Browser(port);
	}

	@AfterAll
	void closeBrowser() {
		browser.close();
	}

	WebElement commitment(String text) {
		return browser.driver.findElement(
				By.xpath("//li[contains(@class,'commitment')][.//p[contains(normalize-space(.), '" + text + "')]]"));
	}

	String figure(String key) {
		return browser.driver.findElement(By.cssSelector("[data-figure='" + key + "'] .figure-value")).getText();
	}

	@Test
	void residentReachesThePromisesOfNavertorpFromTheMapAndReadsWhatWasPromisedAndDone() {
		browser.consoleErrors();
		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		browser.clickable(By.cssSelector("a.follow-up-link")).click();

		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("followup-title"), "2022–2023 · Nävertorp"));
		WebElement promise = browser.driver.findElement(By.cssSelector("article.promise"));
		assertThat(promise.findElement(By.tagName("h3")).getText()).isEqualTo("Medborgarlöfte 2022–2023");
		assertThat(promise.getText()).contains("Kommunen och Polisen gemensamt").contains("% uppfyllt");
		WebElement measures = commitment("sätta in åtgärder, både kortsiktiga och långsiktiga");
		assertThat(measures.getText()).contains("kopplade åtgärder genomförda");
		measures.findElement(By.tagName("summary")).click();
		assertThat(measures.getText()).contains("Kopplade åtgärder i Nävertorp").contains("Ny belysning i gångtunneln vid Nävertorp");
		assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
		assertThat(browser.driver.findElement(By.cssSelector("[data-indicator='unsafe_outdoors_night'] table")).getText())
			.contains("Nävertorp").contains("*");

		new Select(browser.driver.findElement(By.id("period"))).selectByValue("2021");
		new Select(browser.driver.findElement(By.id("omrade"))).selectByValue("");
		browser.driver.findElement(By.cssSelector(".controls button[type='submit']")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("followup-title"), "2021"));
		assertThat(figure("walks")).isEqualTo("2");
		assertThat(commitment("vid minst två tillfällen genomföra trygghetsvandringar").getText())
			.contains("2 av 2 trygghetsvandringar").contains("100 % uppfyllt");
		assertThat(browser.driver.findElements(By.cssSelector("li.commitment"))).hasSize(13);
		assertThat(browser.consoleErrors()).isEmpty();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void publishedWalkHasAPublicProtocol() {
		browser.open("/uppfoljning?period=2021&omrade=navertorp");
		browser.clickable(By.xpath("//ol[@class='timeline']//a[text()='Trygghetsvandring i Nävertorp']")).click();
		browser.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Trygghetsvandring i Nävertorp"));
		assertThat(browser.driver.findElements(By.cssSelector(".stops > li"))).hasSize(3);
		assertThat(browser.driver.findElement(By.cssSelector(".stops")).getText()).contains("Byt armatur och röj slänterna");
	}

	@Test
	void plannerRecordsASafetyWalkWhoseStopBecomesAPlaceWithAProposedMeasureAndTheCommitmentMoves() {
		ApiClient admin = new ApiClient(port).as("admin", "admin");
		int year = LocalDate.now().getYear();
		long promise = admin.post("/api/promises", "{\"periodStart\":" + year + ",\"party\":\"joint\",\"title\":\"Löfte "
				+ year + "\"}", "application/json").json().get("id").longValue();
		long commitment = admin.post("/api/commitments", """
				{"promiseId":%d,"party":"joint","text":"genomföra en trygghetsvandring i Nävertorp",
				 "target":{"count":1,"activity":"safety_walk"}}""".formatted(promise), "application/json")
			.json()
			.get("id")
			.longValue();

		browser.open("/planering");
		if (browser.driver.getCurrentUrl().contains("/login")) {
			browser.visible(By.id("username")).sendKeys("planner");
			browser.driver.findElement(By.id("password")).sendKeys("planner");
			browser.driver.findElement(By.cssSelector("button[type='submit']")).click();
		}
		browser.open("/planering?omrade=navertorp");
		browser.headingIs("Nävertorp");
		browser.clickable(By.cssSelector("[data-action='new-safety_walk']")).click();
		browser.headingIs("Trygghetsvandring");
		browser.driver.findElement(By.cssSelector("[data-field='title'] input")).sendKeys("Kvällsvandring vid torget");
		browser.script("arguments[0].value = arguments[1]",
				browser.driver.findElement(By.cssSelector("[data-field='startsOn'] input")), LocalDate.now().toString());
		WebElement map = browser.driver.findElement(By.id("map"));
		browser.clickable(By.cssSelector("[data-draw='LineString']")).click();
		new Actions(browser.driver).moveToElement(map, -60, 20).click().perform();
		new Actions(browser.driver).moveToElement(map, 60, 20).click().perform();
		browser.clickable(By.cssSelector("[data-draw-finish]")).click();
		browser.clickable(By.cssSelector("[data-action='add-stop']")).click();
		new Actions(browser.driver).moveToElement(map, 0, 25).click().perform();
		browser.visible(By.cssSelector(".stop [data-field='unsafe'] textarea")).sendKeys("Mörkt hörn vid torget");
		browser.driver.findElement(By.cssSelector(".stop [data-field='proposedMeasure'] input"))
			.sendKeys("Ny belysning vid hörnet");
		browser.driver.findElement(By.cssSelector("[data-field='commitmentIds'] input[value='" + commitment + "']")).click();
		browser.driver.findElement(By.cssSelector(".edit-form button[type='submit']")).click();

		browser.headingIs("Kvällsvandring vid torget");
		browser.clickable(By.cssSelector("[data-action='stop-to-place']")).click();
		browser.clickable(By.cssSelector("[data-action='create-from-stop']")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".stops-section"), "Blev platsen"));

		JsonNode walk = new ApiClient(port).as("planner", "planner")
			.get("/api/activities?kind=safety_walk&commitment=" + commitment)
			.json()
			.get("features")
			.get(0);
		JsonNode stop = walk.get("properties").get("stops").get(0);
		JsonNode place = new ApiClient(port).get("/api/places/" + stop.get("placeId").longValue()).json().get("properties");
		assertThat(place.get("name").stringValue()).isEqualTo("Mörkt hörn vid torget");
		assertThat(place.get("source").stringValue()).isEqualTo("safety_walk");
		JsonNode measure = new ApiClient(port).get("/api/measures/" + stop.get("measureId").longValue()).json()
			.get("properties");
		assertThat(measure.get("title").stringValue()).isEqualTo("Ny belysning vid hörnet");
		assertThat(measure.get("status").stringValue()).isEqualTo("proposed");

		browser.open("/uppfoljning?period=" + year);
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.commitment")));
		assertThat(commitment("genomföra en trygghetsvandring i Nävertorp").getText())
			.contains("1 av 1 trygghetsvandringar").contains("100 % uppfyllt");
	}

}
