package se.trygghetskartan.ui;

import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestPlaces;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planners' moderation queue on /planering: residents' reports sent through the API (each from an
 * address of its own: the tests' loopback is a trusted proxy here, so they are not throttled together),
 * then counted, read, approved, merged, rejected and edited in the browser, every action under the
 * report's ETag.
 */
@IntegrationTest
// The same trusted proxies as ReportFormIT: one context for both.
@TestPropertySource(properties = "trygghetskartan.trusted-proxies=127.0.0.1,::1")
class ReportQueueIT extends BrowserTest {

	private static final String JSON = "application/json";

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	private static final AtomicInteger SPOTS = new AtomicInteger();

	ApiClient anonymous;

	ApiClient planner;

	@BeforeAll
	void logIn() {
		browser.logIn("planner");
		browser.headingIs("Stadsdelar");
	}

	@BeforeEach
	void clients() {
		anonymous = new ApiClient(port);
		planner = anonymous.as("planner", "planner");
	}

	/** A report with a pin in Nävertorp, at a spot of its own (some 200 m from the others) unless given. */
	long report(String text, String... lonLat) {
		int spot = SPOTS.incrementAndGet();
		String lon = lonLat.length > 0 ? lonLat[0] : String.format(java.util.Locale.ROOT, "%.5f", 16.2200 + spot * 0.0035);
		String lat = lonLat.length > 0 ? lonLat[1] : "59.0010";
		return send("katrineholm", """
				{"location":{"type":"Point","coordinates":[%s,%s]},"reasons":["poor_lighting","overgrown_vegetation"],
				"when":["evening"],"text":"%s","email":"boende@example.se"}""".formatted(lon, lat, text), text, planner);
	}

	long send(String municipality, String body, String text, ApiClient moderator) {
		Response sent = anonymous.from("100.64.1." + ADDRESSES.incrementAndGet())
			.post("/api/reports?municipality=" + municipality, body, JSON);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		Response queue = moderator.get("/api/reports?status=received&limit=500&municipality=" + municipality);
		for (JsonNode report : queue.json().get("reports")) {
			String words = report.get("text").isNull() ? report.get("place").asString("") : report.get("text").asString("");
			if (words.contains(text)) {
				return report.get("id").longValue();
			}
		}
		throw new AssertionError("not in the queue: " + text);
	}

	long waiting() {
		return planner.get("/api/reports?status=received&limit=1").json().get("count").longValue();
	}

	JsonNode reportOf(long id) {
		return planner.get("/api/reports/" + id).json();
	}

	JsonNode publicPlace(long id) {
		JsonNode features = anonymous.get("/api/places?ids=" + id).json().get("features");
		assertThat(features).as("place %d is public", id).hasSize(1);
		return features.get(0).get("properties");
	}

	/** The planning page afresh, the count of waiting reports in its header as the API says. */
	void openPlanning() {
		browser.open("/planering");
		browser.headingIs("Stadsdelar");
		String count = String.valueOf(waiting());
		browser.waitFor(d -> d.findElement(By.cssSelector("#report-count .badge")).getText().equals(count));
	}

	void openReportFromQueue(long id) {
		openPlanning();
		browser.clickable(By.id("report-count")).click();
		browser.headingIs("Tips från invånare");
		browser.clickable(By.cssSelector("[data-report='" + id + "'] button")).click();
		browser.waitFor(d -> d.findElement(By.id("panel-title")).getText().startsWith("Tips R-"));
		browser.visible(By.cssSelector(".report-detail[data-report='" + id + "']"));
	}

	WebElement field(String name) {
		return browser.driver.findElement(By.cssSelector(".report-action [data-field='" + name + "'] input, "
				+ ".report-action [data-field='" + name + "'] textarea, .report-action [data-field='" + name + "'] select"));
	}

	void action(String action) {
		browser.clickable(By.cssSelector(".report-detail button[data-action='" + action + "']")).click();
		browser.visible(By.cssSelector(".report-action form[data-form='" + action + "']"));
	}

	/** Sends the open form and waits for the report shown afresh with this status; fails with the form's errors. */
	void sendAndExpect(String action, String status) {
		browser.clickable(By.cssSelector(".report-action button[data-send='" + action + "']")).click();
		try {
			browser.waitFor(d -> !d.findElements(By.cssSelector(".report-detail[data-status='" + status + "']")).isEmpty()
					&& d.findElements(By.cssSelector(".report-action form")).isEmpty());
		}
		catch (TimeoutException ex) {
			throw new AssertionError("not " + status + ": " + browser.texts(By.cssSelector(".form-errors")), ex);
		}
	}

	/** A new report, opened from the queue with this action's form, which must pass axe. */
	long reportWithForm(String text, String action) {
		browser.consoleErrors();
		long id = report(text);
		openReportFromQueue(id);
		action(action);
		assertThat(browser.seriousAccessibilityViolations()).as("the %s form", action).isEmpty();
		return id;
	}

	String facts() {
		return browser.driver.findElement(By.cssSelector(".report-detail .facts")).getText();
	}

	@Test
	void thePlannerSeesTheCountReadsTheQueueAndApprovesAReportIntoAPublicPlaceFromAResident() {
		browser.consoleErrors();
		long id = report("Mörkt vid cykelbanan bakom skolan, buskarna skymmer");
		openPlanning();
		WebElement count = browser.visible(By.id("report-count"));
		long before = waiting();
		assertThat(count.getText()).isEqualTo("Tips " + before);
		assertThat(count.getAttribute("aria-label")).startsWith("Tips " + before + ",").contains("väntar");

		count.click();
		browser.headingIs("Tips från invånare");
		WebElement item = browser.visible(By.cssSelector("[data-report='" + id + "']"));
		assertThat(item.getText()).contains("Mörkt vid cykelbanan").contains("Väntar").contains("Nål på kartan");
		assertThat(browser.driver.findElements(By.cssSelector(".leaflet-marker-icon.report-marker"))).isNotEmpty();
		assertThat(browser.seriousAccessibilityViolations()).as("the queue").isEmpty();

		item.findElement(By.tagName("button")).click();
		browser.waitFor(d -> d.findElement(By.id("panel-title")).getText().startsWith("Tips R-"));
		assertThat(facts()).contains("Väntar").contains("Dålig belysning").contains("Kväll")
			.contains("buskarna skymmer").contains("Ja, tipsaren får besked").doesNotContain("boende@example.se");
		WebElement pin = browser.visible(By.cssSelector(".leaflet-marker-icon.report-marker.chosen"));
		assertThat(pin.getAttribute("title")).startsWith("Tips R-");
		browser.waitFor(d -> browser.zoomOf("#map") >= 16);

		action("approve");
		assertThat(browser.driver.findElements(By.cssSelector(".report-action [data-field='reasons'] input:checked")))
			.extracting(box -> box.getAttribute("value")).containsExactlyInAnyOrder("poor_lighting", "overgrown_vegetation");
		assertThat(browser.driver.findElement(By.cssSelector(".report-action .draw-status")).getText()).contains("punkt");
		assertThat(browser.seriousAccessibilityViolations()).as("the approval form").isEmpty();
		field("name").sendKeys("Cykelbanan bakom skolan");
		field("note").sendKeys("Stämmer, vi har fått klagomål förut");
		sendAndExpect("approve", "approved");
		browser.announces("godkänt");
		assertThat(facts()).contains("Godkänt som ny plats").contains("Stämmer, vi har fått klagomål förut");

		long placeId = reportOf(id).get("placeId").longValue();
		JsonNode place = publicPlace(placeId);
		assertThat(place.get("name").stringValue()).isEqualTo("Cykelbanan bakom skolan");
		assertThat(place.get("source").stringValue()).isEqualTo("resident");
		assertThat(place.get("residentReports").intValue()).isEqualTo(1);
		assertThat(browser.driver.findElement(By.cssSelector("#report-count .badge")).getText())
			.isEqualTo(String.valueOf(before - 1));

		assertThat(browser.consoleErrors()).isEmpty();

		// In English too: the page afresh (a language changed while the map still moves is another matter).
		openPlanning();
		browser.clickable(By.id("language")).click();
		try {
			browser.waitFor(d -> d.findElement(By.id("report-count")).getText().equals("Reports " + (before - 1)));
			assertThat(browser.driver.findElement(By.id("report-count")).getAttribute("aria-label"))
				.startsWith("Reports " + (before - 1) + ",").contains("waiting");
			browser.clickable(By.id("report-count")).click();
			browser.headingIs("Residents' reports");
			new Select(browser.visible(By.id("report-status"))).selectByValue("approved");
			browser.waitFor(d -> d.findElement(By.cssSelector("[data-report='" + id + "']")).getText()
				.contains("Approved as a new place"));
		}
		finally {
			browser.clickable(By.id("language")).click();
		}
		assertThat(browser.consoleErrors()).as("the page changed language and back without an error").isEmpty();
	}

	@Test
	void aReportIsMergedIntoAPlaceNearbyWhoseCounterRises() {
		browser.consoleErrors();
		long first = report("Otäck gångtunnel under järnvägen", "16.23100", "59.00600");
		Response approved = moderate(first, "approve", "{\"name\":\"Gångtunneln under järnvägen\"}",
				planner.get("/api/reports/" + first).header("ETag"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		long placeId = approved.json().get("placeId").longValue();
		// A draft beside it: listed near the pin, but a report cannot be merged into it.
		long draftId = TestPlaces.point(planner, "Utkast vid järnvägstunneln", 16.23102, 59.00612, "poor_lighting",
				"other", false);
		long second = report("Tunneln under järnvägen är så mörk", "16.23100", "59.00618");

		openReportFromQueue(second);
		assertThat(browser.driver.findElement(By.cssSelector(".nearby-places")).getText())
			.contains("Gångtunneln under järnvägen").contains("Utkast vid järnvägstunneln");
		action("merge");
		browser.visible(By.cssSelector(".place-choices input[value='" + placeId + "']"));
		assertThat(browser.driver.findElements(By.cssSelector(".place-choices input[value='" + draftId + "']")))
			.as("a draft nearby is no merge choice").isEmpty();
		assertThat(browser.driver.findElement(By.cssSelector(".report-action [data-field='placeId'] .meta")).getText())
			.contains("Bara publicerade platser kan väljas");
		browser.driver.findElement(By.cssSelector(".report-action [data-field='mergePlace'] input[type=search]"))
			.sendKeys("Utkast vid järnvägstunneln", Keys.ENTER);
		browser.waitFor(d -> d.findElement(By.cssSelector(".report-action [data-field='mergePlace'] .picker-count"))
			.getText().equals("Inga träffar."));
		assertThat(browser.driver.findElements(By.cssSelector(".report-action [data-pick='" + draftId + "']")))
			.as("nor one found by name").isEmpty();
		browser.clickable(By.cssSelector(".place-choices input[value='" + placeId + "'] + label")).click();
		field("note").sendKeys("Samma tunnel");
		assertThat(browser.seriousAccessibilityViolations()).as("the merge form").isEmpty();
		sendAndExpect("merge", "merged");
		assertThat(facts()).contains("Sammanfört med en plats").contains("Platsen (nr " + placeId + ")");
		assertThat(publicPlace(placeId).get("residentReports").intValue()).isEqualTo(2);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void aReportIsRejectedWithAReasonWhichIsRequired() {
		long id = reportWithForm("Köp billiga solglasögon nu", "reject");
		browser.clickable(By.cssSelector(".report-action button[data-send='reject']")).click();
		assertThat(browser.visible(By.cssSelector(".report-action [data-field='reason'] .field-error")).getText())
			.isNotBlank();
		assertThat(reportOf(id).get("status").stringValue()).as("nothing stored").isEqualTo("received");

		new Select(field("reason")).selectByValue("spam");
		sendAndExpect("reject", "rejected");
		assertThat(facts()).contains("Avvisat").contains("Skäl till avvisning").contains("Skräppost");
		assertThat(reportOf(id).get("rejection").stringValue()).isEqualTo("spam");
		assertThat(browser.consoleErrors()).as("the refused send only").allMatch(line -> line.contains(" 422 "));
		assertThat(browser.driver.findElements(By.cssSelector(".report-detail button[data-action='approve']")))
			.as("a handled report is not handled again").isEmpty();

		browser.clickable(By.xpath("//button[text()='Alla tips']")).click();
		browser.headingIs("Tips från invånare");
		new Select(browser.visible(By.id("report-status"))).selectByValue("rejected");
		browser.waitFor(d -> !d.findElements(By.cssSelector("[data-report='" + id + "']")).isEmpty());
		assertThat(browser.driver.findElement(By.cssSelector("[data-report='" + id + "']")).getText()).contains("Avvisat");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void thePlannerTakesPersonalDataOutOfTheTextAndOnlyPlannersSeeTheOriginalInTheHistory() {
		long id = reportWithForm("Ring Anna Bergström 070-1234567, hon vet vem som klottrar", "text");
		WebElement text = field("text");
		assertThat(text.getAttribute("value")).contains("Anna Bergström");
		text.clear();
		text.sendKeys("Ring [namn borttaget], hon vet vem som klottrar");
		field("note").sendKeys("Namn och telefonnummer borttagna");
		sendAndExpect("text", "received");
		browser.announces("Texten är ändrad");
		assertThat(facts()).contains("[namn borttaget]").doesNotContain("Anna Bergström");
		String history = browser.waitFor(d -> {
			String words = d.findElement(By.cssSelector(".history-section")).getText();
			return words.contains("070-1234567") ? words : null;
		});
		assertThat(history).contains("Text: Ring Anna Bergström 070-1234567").contains("Namn och telefonnummer borttagna");

		assertThat(anonymous.get("/api/reports/" + id).status()).isEqualTo(401);
		assertThat(anonymous.get("/api/reports/" + id + "/history").status()).isIn(401, 403, 404);
		assertThat(anonymous.get("/api/places?limit=10000").body()).doesNotContain("Bergström").doesNotContain("klottrar");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void aReportWithoutAPinGetsTheGeometryThePlannerPlacesAtApproval() {
		browser.consoleErrors();
		long id = send("katrineholm", """
				{"neighbourhood":"navertorp","place":"Vid återvinningsstationen bakom Nävertorps centrum",
				"reasons":["poor_lighting"]}""", "återvinningsstationen bakom", planner);
		openReportFromQueue(id);
		assertThat(facts()).contains("Nävertorp: Vid återvinningsstationen");
		assertThat(browser.driver.findElement(By.cssSelector(".nearby-places")).getText()).contains("saknar nål");
		action("approve");
		field("name").sendKeys("Återvinningsstationen i Nävertorp");
		browser.clickable(By.cssSelector("[data-send='approve']")).click();
		assertThat(browser.visible(By.cssSelector(".form-errors")).getText()).as("a geometry is needed").isNotBlank();

		assertThat(browser.consoleErrors()).as("the refused send only").allMatch(line -> line.contains(" 422 "));
		browser.clickable(By.cssSelector(".report-action [data-draw='Point']")).click();
		WebElement map = browser.driver.findElement(By.id("map"));
		new Actions(browser.driver).moveToElement(map, 5, 5).click().perform();
		sendAndExpect("approve", "approved");
		JsonNode place = anonymous.get("/api/places?ids=" + reportOf(id).get("placeId").longValue()).json()
			.get("features").get(0);
		assertThat(place.get("geometry").get("type").stringValue()).isEqualTo("Point");
		assertThat(place.get("properties").get("name").stringValue()).isEqualTo("Återvinningsstationen i Nävertorp");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void whenAnotherPlannerWasFirstTheBrowserSaysSoAndShowsTheReportAsItIsNow() {
		long id = reportWithForm("Skumt vid busshållplatsen på kvällarna", "reject");
		new Select(field("reason")).selectByValue("not_about_safety");

		// Between the page's load and the click, a second planner approves it with the same ETag.
		Response other = moderate(id, "approve", "{\"name\":\"Busshållplatsen\",\"note\":\"Först\"}",
				planner.get("/api/reports/" + id).header("ETag"));
		assertThat(other.status()).as(other.toString()).isEqualTo(200);

		browser.clickable(By.cssSelector(".report-action button[data-send='reject']")).click();
		WebElement notice = browser.visible(By.cssSelector(".report-detail .notice.conflict"));
		assertThat(notice.getText()).contains("En annan planerare hann");
		assertThat(facts()).contains("Godkänt som ny plats").contains("Först");
		assertThat(reportOf(id).get("status").stringValue()).as("no silent overwrite").isEqualTo("approved");
		assertThat(browser.consoleErrors()).filteredOn(line -> !line.contains(" 412 ")).isEmpty();
	}

	@Test
	void theKeyboardAloneApprovesAReport() {
		browser.consoleErrors();
		long id = report("Trappan vid idrottsplatsen saknar belysning");
		openPlanning();
		tabTo(By.id("report-count"));
		active().sendKeys(Keys.ENTER);
		browser.headingIs("Tips från invånare");
		By open = By.cssSelector("[data-report='" + id + "'] button");
		browser.visible(open);
		tabTo(open);
		active().sendKeys(Keys.ENTER);
		browser.visible(By.cssSelector(".report-detail[data-report='" + id + "']"));
		tabTo(By.cssSelector(".report-detail button[data-action='approve']"));
		active().sendKeys(Keys.ENTER);
		browser.visible(By.cssSelector(".report-action form[data-form='approve']"));
		tabTo(By.cssSelector(".report-action [data-field='name'] input"));
		active().sendKeys("Trappan vid idrottsplatsen");
		tabTo(By.cssSelector(".report-action button[data-send='approve']"));
		active().sendKeys(Keys.ENTER);
		browser.waitFor(d -> !d.findElements(By.cssSelector(".report-detail[data-status='approved']")).isEmpty());
		assertThat(publicPlace(reportOf(id).get("placeId").longValue()).get("name").stringValue())
			.isEqualTo("Trappan vid idrottsplatsen");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void theQueueAndAReportWorkAtPhoneWidth() {
		browser.consoleErrors();
		long id = report("Mörkt i gränden vid kyrkan");
		Dimension size = browser.driver.manage().window().getSize();
		browser.phoneSized();
		try {
			openReportFromQueue(id);
			action("reject");
			assertThat(browser.driver.findElement(By.cssSelector("[data-send='reject']")).isDisplayed()).isTrue();
			assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
				.as("nothing wider than the phone").isTrue();
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		}
		finally {
			browser.driver.manage().window().setSize(size);
		}
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void flensPlannerSeesOnlyFlensReports() {
		ApiClient flen = anonymous.as("flen", "flen");
		long flens = send("flen", """
				{"location":{"type":"Point","coordinates":[16.5920,59.0575]},"reasons":["poor_lighting"],
				"text":"Mörkt på torget i Flen"}""", "Mörkt på torget i Flen", flen);
		long katrineholms = report("Mörkt vid Katrineholms station");
		try (Browser other = new Browser(port)) {
			other.open("/login");
			other.submitLogin("flen", "flen");
			other.waitFor(d -> d.getCurrentUrl().endsWith("/flen/planering"));
			String count = String.valueOf(flen.get("/api/reports?status=received&limit=1&municipality=flen").json()
				.get("count").longValue());
			other.waitFor(d -> d.findElement(By.cssSelector("#report-count .badge")).getText().equals(count));
			other.clickable(By.id("report-count")).click();
			other.headingIs("Tips från invånare");
			other.visible(By.cssSelector("[data-report='" + flens + "']"));
			assertThat(other.driver.findElements(By.cssSelector("[data-report='" + katrineholms + "']"))).isEmpty();
			assertThat(other.driver.findElement(By.cssSelector(".report-list")).getText())
				.contains("Mörkt på torget i Flen").doesNotContain("Katrineholms station");
			assertThat(other.consoleErrors()).isEmpty();
		}
	}

	WebElement active() {
		return browser.driver.switchTo().activeElement();
	}

	/** Presses Tab until the element has the focus (at most 200 times). */
	void tabTo(By target) {
		WebElement wanted = browser.visible(target);
		for (int i = 0; i < 200; i++) {
			if (wanted.equals(active())) {
				return;
			}
			active().sendKeys(Keys.TAB);
		}
		throw new AssertionError("Tab never reached " + target);
	}

	Response moderate(long id, String action, String body, String ifMatch) {
		return planner.send(planner.request("/api/reports/" + id + "/" + action).header("Content-Type", JSON)
			.header("If-Match", ifMatch)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

}
