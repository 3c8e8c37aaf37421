package se.trygghetskartan.ui;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PlannerMapIT extends BrowserTest {

	@BeforeAll
	void logIn() {
		browser.logIn("planner");
		browser.headingIs("Stadsdelar");
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

	/** Sends the form with its first button: for a new item or a draft "save as draft", else "save". */
	void save() {
		browser.driver.findElement(By.cssSelector(".edit-form button[type='submit']")).click();
	}

	/** Saves and waits for the saved item's page; a failed save fails with the form's errors. */
	void saveAndExpect(String heading) {
		save();
		expectSaved(heading);
	}

	/** Saves and publishes, and waits for the saved item's page. */
	void publishAndExpect(String heading) {
		browser.clickable(By.cssSelector(".edit-form button[data-publish='true']")).click();
		expectSaved(heading);
	}

	void expectSaved(String heading) {
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
		publishAndExpect("Mörk parkering vid Nävertorp");
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
		publishAndExpect("Belysning på parkeringen");
		assertThat(browser.texts(By.cssSelector("[data-place]"))).containsExactly("Mörk parkering vid Nävertorp");
		assertThat(browser.consoleErrors()).isEmpty();

		try (Browser resident = new Browser(port)) {
			resident.open("/?omrade=navertorp");
			resident.headingIs("Nävertorp");
			assertThat(resident.texts(By.cssSelector("[data-status='planned'] [data-measure]")))
				.contains("Belysning på parkeringen");
			assertThat(resident.texts(By.cssSelector("[data-place]"))).contains("Mörk parkering vid Nävertorp");
			assertThat(resident.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aPlaceSavedAsADraftStaysHiddenFromAnonymousVisitorsUntilThePlannerPublishesIt() {
		browser.consoleErrors();
		startNewPlaceInNavertorp();
		browser.clickable(By.cssSelector("[data-draw='Point']")).click();
		clickMap(10, 10);
		input("name").sendKeys("Brottsutsatt hörn, ännu ett utkast");
		browser.driver.findElement(By.cssSelector("[data-field='reasons'] input[value='crime_exposed']")).click();
		assertThat(browser.driver.findElement(By.cssSelector(".edit-form button[type='submit']")).getText())
			.as("a new place is a draft unless published on purpose").isEqualTo("Spara som utkast");
		saveAndExpect("Brottsutsatt hörn, ännu ett utkast");
		long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*plats=(\\d+).*", "$1"));
		assertThat(browser.visible(By.cssSelector(".draft-notice")).getText()).startsWith("Utkast");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		try (Browser resident = new Browser(port)) {
			resident.open("/?plats=" + id);
			resident.headingIs("Hittade inte det du sökte. Det kan ha tagits bort.");
			resident.open("/?omrade=navertorp");
			resident.headingIs("Nävertorp");
			assertThat(resident.texts(By.cssSelector("[data-place]"))).doesNotContain("Brottsutsatt hörn, ännu ett utkast");

			browser.clickable(By.cssSelector("[data-action='publish']")).click();
			browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".draft-notice")));
			browser.announces("är publicerad");
			resident.open("/?plats=" + id);
			resident.headingIs("Brottsutsatt hörn, ännu ett utkast");
			assertThat(resident.driver.findElements(By.cssSelector(".draft-notice, .draft-mark"))).isEmpty();

			browser.clickable(By.cssSelector("[data-action='unpublish']")).click();
			browser.visible(By.cssSelector(".draft-notice"));
			resident.open("/?plats=" + id);
			resident.headingIs("Hittade inte det du sökte. Det kan ha tagits bort.");
			assertThat(resident.consoleErrors()).isEmpty();
		}
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void draftsAreMarkedInThePlannersListAndOnTheirMap() {
		ApiClient admin = new ApiClient(port).as("admin", "admin");
		long place = admin.post("/api/places", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2340,58.9995]},
				 "properties":{"name":"Utkast från kvällsvandringen","reasons":["poor_lighting"],"source":"safety_walk",
				  "published":false}}""").json().get("id").longValue();
		long measure = admin.post("/api/measures", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2342,58.9996]},
				 "properties":{"title":"Kamera som utkast","type":"camera","owner":"police","status":"proposed",
				  "published":false}}""").json().get("id").longValue();

		browser.open("/planering?omrade=navertorp");
		browser.headingIs("Nävertorp");
		WebElement listed = browser.driver.findElement(By.cssSelector("[data-place='" + place + "']"));
		assertThat(listed.findElement(By.xpath("following-sibling::*[@class='draft-mark']")).getText())
			.isEqualTo("Utkast");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// Close up, so that the measure stands alone rather than in a cluster.
		browser.open("/planering?atgard=" + measure);
		browser.headingIs("Kamera som utkast");
		WebElement marker = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector(".leaflet-marker-icon.draft-icon[title*='Kamera som utkast']")));
		assertThat(marker.getAttribute("title")).endsWith("Utkast)");
	}

	@Test
	void serverValidationErrorsAppearBesideTheFieldAndOnTheMapInTheServersSwedishWords() {
		JsonNode said = errorsOfABlankBowTie(null);
		startNewPlaceInNavertorp();
		saveABowTieWithoutAName();

		WebElement summary = browser.visible(By.cssSelector(".form-errors"));
		String crossing = said.get("geometry").stringValue();
		assertThat(crossing).isEqualTo("Linjerna korsar varandra vid den markerade punkten.");
		assertThat(summary.getText()).contains("Geometri: " + crossing).doesNotContain("[16.");
		WebElement nameError = browser.driver.findElement(By.cssSelector("[data-field='name'] .field-error"));
		assertThat(nameError.isDisplayed()).isTrue();
		assertThat(nameError.getText()).isEqualTo(said.get("properties.name").stringValue()).isEqualTo("Får inte vara tomt.");
		assertThat(input("name").getAttribute("aria-invalid")).isEqualTo("true");
		// The error's own tooltip, not one that the pointer's passing over a district opens and closes.
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".leaflet-tooltip.map-error"),
				crossing));
	}

	@Test
	void onAnEnglishPageTheServerSaysWhatIsWrongInEnglish() {
		JsonNode said = errorsOfABlankBowTie("en");
		browser.open("/planering?omrade=navertorp&lang=en");
		browser.headingIs("Nävertorp");
		browser.clickable(By.cssSelector("[data-action='new-place']")).click();
		browser.headingIs("New place");
		saveABowTieWithoutAName();

		WebElement summary = browser.visible(By.cssSelector(".form-errors"));
		String crossing = said.get("geometry").stringValue();
		assertThat(crossing).isEqualTo("The lines cross each other at the marked point.");
		assertThat(summary.getText()).contains("Geometry: " + crossing).doesNotContain("Linjerna");
		assertThat(browser.driver.findElement(By.cssSelector("[data-field='name'] .field-error")).getText())
			.isEqualTo(said.get("properties.name").stringValue())
			.isEqualTo("Must not be blank.");
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".leaflet-tooltip.map-error"),
				crossing));
	}

	/** What the API says (field to reason) of a blank name and a bow tie, in the language asked for. */
	JsonNode errorsOfABlankBowTie(String language) {
		JsonNode problem = new ApiClient(port).as("planner", "planner").language(language).post("/api/places", """
				{"type":"Feature",
				 "geometry":{"type":"Polygon","coordinates":[[[16.23,58.997],[16.232,58.999],[16.232,58.997],[16.23,58.999],[16.23,58.997]]]},
				 "properties":{"name":" ","reasons":["poor_lighting"],"source":"resident"}}""").json();
		ObjectNode reasons = JsonNodeFactory.instance.objectNode();
		problem.get("errors").forEach(error -> reasons.set(error.get("field").stringValue(), error.get("reason")));
		return reasons;
	}

	// A bow tie (the edges cross in the middle) and a blank name.
	void saveABowTieWithoutAName() {
		browser.clickable(By.cssSelector("[data-draw='Polygon']")).click();
		clickMap(-40, -30, 40, 30, 40, -30, -40, 30);
		browser.clickable(By.cssSelector("[data-draw-finish]")).click();
		save();
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
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-list li, .import-list[hidden]")));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		// Every form, with its pickers filled and the other ways of drawing open.
		for (String[] form : new String[][] { { "new-measure", "Ny åtgärd" }, { "new-place", "Ny plats" },
				{ "new-safety_walk", "Trygghetsvandring" }, { "new-dialogue", "Medborgardialog" },
				{ "new-police_operation", "Polisinsats" } }) {
			browser.open("/planering?omrade=navertorp");
			browser.headingIs("Nävertorp");
			browser.clickable(By.cssSelector("[data-action='" + form[0] + "']")).click();
			browser.headingIs(form[1]);
			browser.waitFor(driver -> driver.findElements(By.cssSelector(".picker-count"))
				.stream()
				.noneMatch(count -> count.getText().isEmpty() || count.getText().equals("Söker…")));
			browser.driver.findElements(By.cssSelector("[data-action='type-coordinates'], [data-action='copy-geometry']"))
				.forEach(WebElement::click);
			assertThat(browser.seriousAccessibilityViolations()).as(form[1]).isEmpty();
		}
	}

	long post(ApiClient client, String path, String body) {
		boolean geo = path.equals("/api/places") || path.equals("/api/measures");
		ApiClient.Response response = client.post(path, body, geo ? "application/geo+json" : "application/json");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").longValue();
	}

	static String point(String name, double lon, double lat) {
		return """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"name":"%s","reasons":["poor_lighting"],"source":"safety_walk"}}""".formatted(lon, lat, name);
	}

	@Test
	void markingAMeasureDoneOffersToUpdateItsPlacesStatusAndSavesItAllInOneStep() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		long lane = post(planner, "/api/places", point("Loopens gång", 16.2331, 58.9981));
		long park = post(planner, "/api/places", point("Loopens park", 16.2336, 58.9983));
		long measure = post(planner, "/api/measures", """
				{"type":"Feature","geometry":null,"properties":{"title":"Belysning längs loopen","type":"lighting",
				 "owner":"municipality","status":"in_progress","placeIds":[%d,%d]}}""".formatted(lane, park));
		browser.consoleErrors();
		browser.open("/planering?atgard=" + measure);
		browser.headingIs("Belysning längs loopen");
		browser.clickable(By.cssSelector("[data-action='edit']")).click();
		browser.headingIs("Redigera: Belysning längs loopen");
		assertThat(browser.driver.findElement(By.cssSelector(".place-statuses")).isDisplayed()).isFalse();

		new Select(input("status")).selectByValue("done");

		WebElement offer = browser.visible(By.cssSelector(".place-statuses"));
		browser.waitFor(driver -> offer.getText().contains("Loopens gång") && offer.getText().contains("Loopens park"));
		assertThat(offer.findElement(By.tagName("legend")).getText()).isEqualTo("Uppdatera platsernas status");
		assertThat(offer.getText()).contains("(nu: Öppen)");
		assertThat(offer.findElement(By.cssSelector("[data-place='" + lane + "'] input[value='resolved']")).isSelected())
			.as("done now: resolved is offered first").isTrue();
		offer.findElement(By.cssSelector("[data-place='" + park + "'] input[value='being_addressed']")).click();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		saveAndExpect("Belysning längs loopen");

		assertThat(browser.announced()).contains("2 platser fick ny status");
		assertThat(planner.get("/api/places/" + lane).json().get("properties").get("status").stringValue())
			.isEqualTo("resolved");
		assertThat(planner.get("/api/places/" + park).json().get("properties").get("status").stringValue())
			.isEqualTo("being_addressed");
		assertThat(planner.get("/api/measures/" + measure).json().get("properties").get("status").stringValue())
			.isEqualTo("done");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void theSearchablePickersFindAPlaceByNameAndACommitmentOfTheCurrentPeriod() {
		ApiClient admin = new ApiClient(port).as("admin", "admin");
		int year = java.time.LocalDate.now().getYear();
		long place = post(admin, "/api/places", point("Pickertestets gränd", 16.2045, 59.0101));
		long thisYear = post(admin, "/api/promises",
				"{\"periodStart\":" + year + ",\"party\":\"joint\",\"title\":\"Pickertestets löfte\"}");
		long current = post(admin, "/api/commitments", ("{\"promiseId\":" + thisYear
				+ ",\"party\":\"joint\",\"text\":\"Pickertestets löftespunkt i år\"}"));
		long earlier = post(admin, "/api/promises",
				"{\"periodStart\":" + (year - 3) + ",\"party\":\"joint\",\"title\":\"Pickertestets gamla löfte\"}");
		long old = post(admin, "/api/commitments", ("{\"promiseId\":" + earlier
				+ ",\"party\":\"joint\",\"text\":\"Pickertestets gamla löftespunkt\"}"));
		browser.consoleErrors();
		browser.open("/planering?omrade=navertorp");
		browser.headingIs("Nävertorp");
		browser.clickable(By.cssSelector("[data-action='new-measure']")).click();
		browser.headingIs("Ny åtgärd");
		input("title").sendKeys("Åtgärd vald med sökning");

		browser.driver.findElement(By.cssSelector("[data-field='placeIds'] input[type='search']")).sendKeys("pickertestets");
		// The search's results replace those near the map's view.
		browser.waitFor(driver -> {
			List<String> labels = browser.texts(By.cssSelector("[data-field='placeIds'] .picker-results label"));
			return !labels.isEmpty() && labels.stream().allMatch(label -> label.startsWith("Pickertestets"));
		});
		WebElement found = browser.driver.findElement(
				By.cssSelector("[data-field='placeIds'] .picker-results input[value='" + place + "']"));
		assertThat(browser.driver.findElement(By.cssSelector("[data-field='placeIds'] .picker-count")).getText())
			.matches("\\d+ träff(ar)?\\.");
		found.sendKeys(Keys.SPACE);
		assertThat(browser.texts(By.cssSelector("[data-field='placeIds'] .chip span"))).containsExactly("Pickertestets gränd");
		// Taken away and put back with the keyboard; the focus stays in the picker.
		browser.driver.findElement(By.cssSelector("[data-field='placeIds'] .chip-remove")).sendKeys(Keys.ENTER);
		assertThat(browser.driver.findElements(By.cssSelector("[data-field='placeIds'] .chip"))).isEmpty();
		assertThat(found.isSelected()).isFalse();
		assertThat(browser.script("return document.activeElement.type")).isEqualTo("search");
		found.sendKeys(Keys.SPACE);

		assertThat(new Select(browser.driver.findElement(By.cssSelector("[data-field='commitmentIds'] select")))
			.getFirstSelectedOption().getText()).isEqualTo(String.valueOf(year));
		WebElement commitment = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("[data-field='commitmentIds'] .picker-results input[value='" + current + "']")));
		assertThat(browser.driver.findElements(
				By.cssSelector("[data-field='commitmentIds'] .picker-results input[value='" + old + "']")))
			.as("another period's commitment is not offered by default").isEmpty();
		browser.driver.findElement(By.cssSelector("[data-field='commitmentIds'] input[type='search']")).sendKeys("i år");
		browser.waitFor(driver -> browser.texts(By.cssSelector("[data-field='commitmentIds'] .picker-results label"))
			.stream().allMatch(label -> label.contains("i år")));
		browser.driver.findElement(By.cssSelector("[data-field='commitmentIds'] .picker-results input[value='" + current + "']"))
			.sendKeys(Keys.SPACE);
		assertThat(commitment.isDisplayed()).isTrue();

		browser.clickable(By.cssSelector("[data-action='copy-geometry']")).click();
		// The picker is made when the details have opened (the toggle event comes after the click).
		browser.visible(By.cssSelector("[data-field='copyGeometry'] input[type='search']")).sendKeys("Pickertestets");
		browser.clickable(By.cssSelector("[data-field='copyGeometry'] [data-pick='" + place + "']")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-field='geometry'] .draw-status"),
				"Ritad: punkt"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		saveAndExpect("Åtgärd vald med sökning");

		JsonNode saved = admin.get(browser.driver.getCurrentUrl().replaceAll(".*atgard=(\\d+).*", "/api/measures/$1"))
			.json()
			.get("properties");
		assertThat(saved.get("placeIds")).extracting(JsonNode::longValue).containsExactly(place);
		assertThat(saved.get("commitmentIds")).extracting(JsonNode::longValue).containsExactly(current);
		assertThat(saved.get("ownGeometry").get("coordinates").toString()).isEqualTo("[16.2045,59.0101]");
		assertThat(saved.get("published").booleanValue()).isFalse();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	/** Presses keys on whatever has the focus, as a keyboard does. */
	void press(CharSequence... keys) {
		new Actions(browser.driver).sendKeys(keys).perform();
	}

	/** Pans the map with an arrow key and lets the pan end, so the crosshair rests where it will add. */
	void pan(Keys arrow) {
		press(arrow);
		press(arrow);
		try {
			Thread.sleep(400);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aPolygonIsDrawnWithTheKeyboardAloneAndSaved() {
		browser.consoleErrors();
		startNewPlaceInNavertorp();
		browser.clickable(By.cssSelector("[data-draw='Polygon']")).sendKeys(Keys.ENTER);
		assertThat(browser.script("return document.activeElement.id")).as("the map takes the focus").isEqualTo("map");
		assertThat(browser.visible(By.cssSelector(".draw-crosshair")).isDisplayed()).isTrue();
		assertThat(browser.announced()).contains("Enter lägger till en punkt");

		press(Keys.ENTER);
		pan(Keys.ARROW_RIGHT);
		press(Keys.ENTER);
		pan(Keys.ARROW_DOWN);
		press(Keys.ENTER);
		browser.announces("Punkt 3 tillagd.");
		pan(Keys.ARROW_UP);
		press(Keys.ENTER);
		press(Keys.BACK_SPACE);
		browser.announces("Punkt 4 borttagen.");
		pan(Keys.ARROW_DOWN);
		pan(Keys.ARROW_LEFT);
		press(Keys.ENTER);
		new Actions(browser.driver).keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();

		browser.announces("Klar: yta med 4 punkter.");
		assertThat(browser.driver.findElement(By.cssSelector("[data-field='geometry'] .draw-status")).getText())
			.contains("yta med 4 punkter");
		assertThat(browser.script("return document.activeElement.className")).as("back in the form")
			.isEqualTo("draw-status");
		assertThat(browser.driver.findElement(By.cssSelector(".draw-crosshair")).isDisplayed()).isFalse();
		input("name").sendKeys("Ritad med tangentbordet");
		browser.driver.findElement(By.cssSelector("[data-field='reasons'] input[value='poor_visibility']")).sendKeys(Keys.SPACE);
		browser.driver.findElement(By.cssSelector(".edit-form button[data-publish='true']")).sendKeys(Keys.ENTER);
		expectSaved("Ritad med tangentbordet");

		JsonNode geometry = new ApiClient(port)
			.get(browser.driver.getCurrentUrl().replaceAll(".*plats=(\\d+).*", "/api/places/$1"))
			.json()
			.get("geometry");
		assertThat(geometry.get("type").stringValue()).isEqualTo("Polygon");
		JsonNode ring = geometry.get("coordinates").get(0);
		assertThat(ring).hasSize(5);
		assertThat(ring.get(0)).isEqualTo(ring.get(4));
		assertThat(java.util.stream.IntStream.range(0, 4).mapToObj(i -> ring.get(i).toString()).distinct()).hasSize(4);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void coordinatesTypedInSwerefBecomeTheAreaOfAPlace() {
		startNewPlaceInNavertorp();
		browser.clickable(By.cssSelector("[data-action='type-coordinates']")).click();
		new Select(browser.driver.findElement(By.cssSelector(".coordinates select"))).selectByValue("Polygon");
		// Northing before easting, as SWEREF 99 TM's axis order has it; a decimal comma, as Swedes write.
		browser.driver.findElement(By.cssSelector(".coordinates textarea"))
			.sendKeys("6540221,8 569362,3\n6540221,8 569422,3\n6540281,8 569422,3\n6540281,8 569362,3");
		browser.driver.findElement(By.cssSelector("[data-action='use-coordinates']")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-field='geometry'] .draw-status"),
				"yta med 4 punkter"));
		input("name").sendKeys("Inskriven yta vid stationen");
		browser.driver.findElement(By.cssSelector("[data-field='reasons'] input[value='other']")).click();
		saveAndExpect("Inskriven yta vid stationen");

		JsonNode first = new ApiClient(port).as("planner", "planner")
			.get(browser.driver.getCurrentUrl().replaceAll(".*plats=(\\d+).*", "/api/places/$1"))
			.json()
			.get("geometry")
			.get("coordinates")
			.get(0)
			.get(0);
		assertThat(first.get(0).doubleValue()).isCloseTo(16.2072, org.assertj.core.api.Assertions.within(0.00001));
		assertThat(first.get(1).doubleValue()).isCloseTo(58.9959, org.assertj.core.api.Assertions.within(0.00001));

		browser.clickable(By.cssSelector("[data-action='edit']")).click();
		browser.clickable(By.cssSelector("[data-action='type-coordinates']")).click();
		browser.driver.findElement(By.cssSelector(".coordinates textarea")).sendKeys("16.2 58.99\nsexton femtioåtta");
		browser.driver.findElement(By.cssSelector("[data-action='use-coordinates']")).click();
		assertThat(browser.visible(By.cssSelector(".coordinates .field-error")).getText())
			.isEqualTo("Rad 2, \"sexton femtioåtta\", är inte två tal.");
	}

	@Test
	void theHistoryOfAWalkReadsAsSentencesStopByStop() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String walk = """
				{"type":"Feature","geometry":null,"properties":{"kind":"safety_walk","title":"Historikvandringen",
				 "startsOn":"2026-09-01","published":%s,"participants":{"residents":%d,"police":2},"stops":[%s]}}""";
		String stop = """
				{%s"geometry":{"type":"Point","coordinates":[%s,58.9990]},"unsafe":"%s","proposedMeasure":"%s"}""";
		ApiClient.Response created = planner.post("/api/activities", walk.formatted(false, 12,
				stop.formatted("", "16.2300", "Mörk passage", "Byt armatur") + ","
						+ stop.formatted("", "16.2310", "Buskar vid skolan", "Röj buskarna")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").longValue();
		long first = created.json().get("properties").get("stops").get(0).get("id").longValue();
		planner.put("/api/activities/" + id, walk.formatted(true, 15,
				stop.formatted("\"id\":" + first + ",", "16.2300", "Mörk passage bakom hallen", "Byt armatur") + ","
						+ stop.formatted("", "16.2320", "Klotter i tunneln", "Sanera klotter")), "\"0\"");

		browser.consoleErrors();
		browser.open("/planering?aktivitet=" + id);
		browser.headingIs("Historikvandringen");
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".history"), "ändrade"));

		String history = browser.driver.findElement(By.cssSelector(".history")).getText();
		assertThat(history).contains("Stopp 1 ändrat: Upplevs otryggt: Mörk passage → Mörk passage bakom hallen")
			.contains("Stopp 2 borttaget: Buskar vid skolan → Röj buskarna")
			.contains("Stopp 2 tillagt: Klotter i tunneln → Sanera klotter")
			.contains("Boende: 15")
			.contains("Publicerad: nej → ja")
			.doesNotContain("[object Object]")
			.doesNotContain("{")
			.doesNotContain("\"");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void theHistoryOfAMeasureNamesItsPlacesAndItsCodesInWords() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		long gate = post(planner, "/api/places", point("Historikens port", 16.2301, 58.9979));
		long yard = post(planner, "/api/places", point("Historikens gård", 16.2303, 58.9978));
		String measure = """
				{"type":"Feature","geometry":%s,"properties":{"title":"Historikens åtgärd","type":"%s",
				 "owner":"municipality","status":"planned","placeIds":[%s]}}""";
		long id = post(planner, "/api/measures", measure.formatted("null", "lighting", gate));
		planner.put("/api/measures/" + id, measure.formatted("{\"type\":\"Point\",\"coordinates\":[16.2302,58.9978]}",
				"camera", gate + "," + yard), "\"0\"");

		browser.open("/planering?atgard=" + id);
		browser.headingIs("Historikens åtgärd");
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".history"), "ändrade"));

		assertThat(browser.driver.findElement(By.cssSelector(".history")).getText())
			.contains("Platser: Historikens port → Historikens port, Historikens gård")
			.contains("Typ: Belysning → Kamerabevakning")
			.contains("Egen geometri: tillagd")
			.doesNotContain("[object Object]");
	}

}
