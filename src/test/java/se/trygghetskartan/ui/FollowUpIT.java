package se.trygghetskartan.ui;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FollowUpIT extends BrowserTest {

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
		assertThat(measures.getText()).contains("kopplade åtgärder genomförda")
			.containsPattern("I Nävertorp: \\d+ av \\d+ kopplade åtgärder genomförda");
		measures.findElement(By.tagName("summary")).click();
		assertThat(measures.getText()).contains("Kopplade åtgärder i Nävertorp").contains("Ny belysning i gångtunneln vid Nävertorp");
		assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
		assertThat(browser.driver.findElement(By.cssSelector("[data-indicator='unsafe_outdoors_night'] table")).getText())
			.contains("Nävertorp").contains("*");

		browser.clickable(By.xpath("//nav[@aria-labelledby='period-chooser']//a[text()='2021']")).click();
		browser.waitFor(ExpectedConditions.urlContains("period=2021&omrade=navertorp"));
		browser.clickable(By.xpath("//nav[@aria-labelledby='district-chooser']//a[text()='Alla stadsdelar']")).click();
		browser.waitFor(ExpectedConditions.urlMatches("/uppfoljning\\?period=2021$"));
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("followup-title"), "2021"));
		assertThat(figure("walks")).isEqualTo("2");
		assertThat(commitment("vid minst två tillfällen genomföra trygghetsvandringar").getText())
			.contains("2 av 2 trygghetsvandringar").contains("100 % uppfyllt");
		assertThat(browser.driver.findElements(By.cssSelector("li.commitment"))).hasSize(13);
		assertThat(browser.consoleErrors()).isEmpty();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	WebElement field(WebElement form, String name) {
		return form.findElement(By.cssSelector("[data-field='" + name + "'] input, [data-field='" + name + "'] textarea"));
	}

	@Test
	void plannerAddsAPromiseAndACommitmentAndImportsSurveyResults() throws Exception {
		browser.logIn("planner");
		browser.open("/uppfoljning?period=2021");
		browser.clickable(By.xpath("//button[text()='Nytt medborgarlöfte']")).click();
		WebElement form = browser.visible(By.cssSelector("form.edit-form"));
		field(form, "title").sendKeys("Medborgarlöfte 2029");
		field(form, "periodStart").clear();
		field(form, "periodStart").sendKeys("2029");
		field(form, "periodEnd").clear();
		field(form, "periodEnd").sendKeys("2029");
		form.findElement(By.cssSelector("button[type='submit']")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("followup-title"), "2029"));

		browser.clickable(By.xpath("//button[text()='Ny löftespunkt']")).click();
		form = browser.visible(By.cssSelector("form.edit-form"));
		field(form, "text").sendKeys("genomföra minst två trygghetsvandringar");
		field(form, "target").sendKeys("0");
		form.findElement(By.cssSelector("button[type='submit']")).click();
		WebElement targetError = browser.visible(By.cssSelector("[data-field='target'] .field-error"));
		assertThat(targetError.getText()).isEqualTo("Ska vara ett heltal från 1 till 10000.");
		field(form, "target").clear();
		field(form, "target").sendKeys("2");
		form.findElement(By.cssSelector("button[type='submit']")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.commitment")));
		assertThat(commitment("genomföra minst två trygghetsvandringar").getText())
			.contains("0 av 2 trygghetsvandringar").contains("0 % uppfyllt");

		java.nio.file.Path csv = java.nio.file.Files.createTempFile("survey", ".csv");
		java.nio.file.Files.writeString(csv, "district;year;indicator;value;respondents\n"
				+ "norr;2029;safety_index;70;200\nnorr;2029;mood;3;200\n");
		browser.driver.findElement(By.id("survey-file")).sendKeys(csv.toString());
		browser.driver.findElement(By.xpath("//button[text()='Importera']")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".planner-tools [role='status']"),
				"1 av 2 rader importerade"));
		assertThat(browser.driver.findElement(By.cssSelector(".rejected-lines")).getText())
			.startsWith("Rad 3: Indikatorn ”mood” är inte någon av unsafe_outdoors_night, safety_index");
	}

	@Test
	void plannerRecordsADialogue() {
		browser.logIn("planner");
		browser.open("/planering?omrade=norr");
		browser.headingIs("Norr");
		browser.clickable(By.cssSelector("[data-action='new-dialogue']")).click();
		browser.headingIs("Medborgardialog");
		browser.driver.findElement(By.cssSelector("[data-field='title'] input")).sendKeys("Dialog om Norr");
		browser.script("arguments[0].value = arguments[1]",
				browser.driver.findElement(By.cssSelector("[data-field='startsOn'] input")), "2026-11-02");
		browser.driver.findElement(By.cssSelector("[data-field='neighbourhoods'] input[value='norr']")).click();
		browser.driver.findElement(By.cssSelector("[data-field='format'] input")).sendKeys("Öppet möte");
		browser.driver.findElement(By.cssSelector(".participants input")).sendKeys("25");
		browser.driver.findElement(By.cssSelector(".edit-form button[type='submit']")).click();

		browser.headingIs("Dialog om Norr");
		assertThat(browser.driver.findElement(By.cssSelector(".facts")).getText()).contains("Öppet möte")
			.contains("Boende: 25")
			.contains("Norr");
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

		browser.logIn("planner");
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
		// The stop goes where the crosshair is, with the keyboard.
		browser.clickable(By.cssSelector("[data-action='add-stop']")).sendKeys(Keys.ENTER);
		assertThat(browser.script("return document.activeElement.id")).isEqualTo("map");
		new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
		browser.visible(By.cssSelector(".stop [data-field='unsafe'] textarea")).sendKeys("mörkt hörn vid torget, ingen insyn");
		assertThat(browser.announced()).isEqualTo("Stopp 1 tillagt.");
		browser.driver.findElement(By.cssSelector(".stop [data-field='proposedMeasure'] input"))
			.sendKeys("Ny belysning vid hörnet");
		browser.clickable(By.cssSelector("[data-field='commitmentIds'] input[value='" + commitment + "']")).click();
		browser.driver.findElement(By.cssSelector(".edit-form button[type='submit']")).click();

		browser.headingIs("Kvällsvandring vid torget");
		browser.clickable(By.cssSelector("[data-action='stop-to-place']")).click();
		// Prefilled from the stop's words, for the planner to confirm or change.
		WebElement create = browser.clickable(By.cssSelector("[data-action='create-from-stop']"));
		WebElement suggested = browser.driver.findElement(By.cssSelector(".stops-section details"));
		assertThat(suggested.findElement(By.cssSelector("[data-field='name'] input")).getAttribute("value"))
			.isEqualTo("Mörkt hörn vid torget");
		assertThat(suggested.findElements(By.cssSelector("[data-field='reasons'] input:checked")))
			.extracting(box -> box.getAttribute("value"))
			.containsExactly("poor_lighting", "poor_visibility");
		assertThat(new Select(suggested.findElement(By.cssSelector("[data-field='measureType'] select")))
			.getFirstSelectedOption().getAttribute("value")).isEqualTo("lighting");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		create.click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".stops-section"), "Blev platsen"));

		ApiClient planner = new ApiClient(port).as("planner", "planner");
		JsonNode walk = planner.get("/api/activities?kind=safety_walk&commitment=" + commitment)
			.json()
			.get("features")
			.get(0);
		JsonNode stop = walk.get("properties").get("stops").get(0);
		String placePath = "/api/places/" + stop.get("placeId").longValue();
		JsonNode place = planner.get(placePath).json().get("properties");
		assertThat(place.get("name").stringValue()).isEqualTo("Mörkt hörn vid torget");
		assertThat(place.get("reasons")).extracting(JsonNode::stringValue)
			.containsExactlyInAnyOrder("poor_lighting", "poor_visibility");
		assertThat(place.get("source").stringValue()).isEqualTo("safety_walk");
		assertThat(place.get("published").booleanValue()).as("the walk's protocol is not published").isFalse();
		assertThat(new ApiClient(port).get(placePath).status()).isEqualTo(404);
		JsonNode measure = planner.get("/api/measures/" + stop.get("measureId").longValue()).json().get("properties");
		assertThat(measure.get("title").stringValue()).isEqualTo("Ny belysning vid hörnet");
		assertThat(measure.get("status").stringValue()).isEqualTo("proposed");
		assertThat(measure.get("type").stringValue()).isEqualTo("lighting");
		assertThat(measure.get("published").booleanValue()).isFalse();

		browser.open("/uppfoljning?period=" + year);
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.commitment")));
		assertThat(commitment("genomföra en trygghetsvandring i Nävertorp").getText())
			.contains("1 av 1 trygghetsvandringar").contains("100 % uppfyllt");
	}

}
