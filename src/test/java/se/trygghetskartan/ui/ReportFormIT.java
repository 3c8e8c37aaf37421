package se.trygghetskartan.ui;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestSmtp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident reports a place where they feel unsafe with the form on the public map, on a phone-sized
 * headless Chromium: by a tap on the map, by the keyboard alone, or from the list view in words; is
 * offered a place already on the map nearby; is told how long to wait after too many reports. Each
 * test's browser says it comes from an address of its own (X-Forwarded-For, the tests' loopback being
 * a trusted proxy here), so their reports count apart. The reply goes to a GreenMail server the test
 * starts.
 */
@IntegrationTest
// The browser reaches localhost by IPv6 or IPv4.
@TestPropertySource(properties = "trygghetskartan.trusted-proxies=127.0.0.1,::1")
class ReportFormIT extends BrowserTest {

	private static final String EMAIL = "nattvandrare@example.se";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentReportsAPlaceInNavertorpByPhoneItIsPublicOnlyOnceApprovedAndASecondResidentAddsToIt()
			throws Exception {
		ApiClient anonymous = new ApiClient(port);
		ApiClient planner = anonymous.as("planner", "planner");
		browser.phoneSized();
		try {
			comingFrom("198.51.100.1");
			browser.consoleErrors();
			int placesBefore = publicPlaces(anonymous);
			browser.open("/?omrade=navertorp");
			browser.headingIs("Nävertorp");

			long start = System.nanoTime();
			browser.clickable(By.id("report-open")).click();
			browser.headingIs("Tipsa om en otrygg plats");
			assertThat(browser.seriousAccessibilityViolations()).as("the form").isEmpty();
			tapMap(-40, 50);
			browser.waitFor(d -> pinStatus().startsWith("Nålen står"));
			check("reasons", "poor_lighting");
			check("when", "evening");
			check("when", "weekend_nights");
			WebElement text = browser.driver.findElement(By.name("text"));
			text.sendKeys("Mörkt och öde vid gångvägen mot skolan, ingen lampa fungerar");
			assertThat(browser.driver.findElement(By.cssSelector(".counter")).getText())
				.isEqualTo(text.getAttribute("value").length() + " av 2000 tecken");
			browser.driver.findElement(By.name("email")).sendKeys(EMAIL);
			browser.clickable(By.id("report-send")).click();
			notThese();
			String number = browser.visible(By.cssSelector(".report-number")).getText();
			long seconds = Duration.ofNanos(System.nanoTime() - start).toMillis();
			System.out.printf("Report form on a phone-sized Chromium: from the button to the receipt %d ms%n", seconds);
			assertThat(seconds).as("far under a minute").isLessThan(20_000);
			assertThat(number).matches("R-\\d{4}-\\d{6}");
			assertThat(browser.seriousAccessibilityViolations()).as("the receipt").isEmpty();
			String followPage = browser.driver.findElement(By.cssSelector("a.follow-link")).getAttribute("href");
			assertThat(followPage).matches("http://localhost:\\d+/tips/[A-Za-z0-9_-]{32}");
			long id = Long.parseLong(number.substring(number.lastIndexOf('-') + 1));

			// Not public before moderation: neither among the places nor on the map.
			assertThat(publicPlaces(anonymous)).isEqualTo(placesBefore);
			browser.open("/?omrade=navertorp");
			browser.headingIs("Nävertorp");
			assertThat(browser.texts(By.cssSelector("[data-place]"))).doesNotContain("Mörkt vid gångvägen mot skolan");

			// The follow page, a page a person reads.
			browser.open(followPage.substring(followPage.indexOf("/tips/")));
			browser.waitFor(d -> d.findElements(By.cssSelector(".report-status")).size() == 1);
			assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(number);
			assertThat(browser.driver.findElement(By.cssSelector(".report-status")).getText()).startsWith("Mottaget");
			assertThat(browser.seriousAccessibilityViolations()).as("the follow page").isEmpty();

			// A planner approves it (the moderation UI is another's): then it is on the public map.
			Response approved = planner.send(planner.request("/api/reports/" + id + "/approve")
				.header("Content-Type", "application/json")
				.header("If-Match", planner.get("/api/reports/" + id).header("ETag"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Mörkt vid gångvägen mot skolan\"}")));
			assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
			long placeId = approved.json().get("placeId").longValue();
			List<MimeMessage> replies = TestSmtp.mailTo(EMAIL, 1);
			assertThat(replies).as("the reply to the reporter").hasSize(1);
			MimeMessage reply = replies.get(0);
			assertThat(reply.getSubject()).contains(number);

			browser.open("/?omrade=navertorp");
			browser.headingIs("Nävertorp");
			browser.visible(By.xpath("//button[@data-place='" + placeId + "']"));
			browser.waitFor(d -> d.findElement(By.cssSelector(".report-summary")).getText().matches("\\d+ tips i år, \\d+ hanterade"));
			browser.open(followPage.substring(followPage.indexOf("/tips/")));
			browser.waitFor(d -> d.findElements(By.cssSelector("a.report-place")).size() == 1);
			assertThat(browser.driver.findElement(By.cssSelector(".report-status")).getText()).startsWith("Godkänt");
			assertThat(browser.driver.findElement(By.cssSelector("a.report-place")).getAttribute("href"))
				.endsWith("/katrineholm/?plats=" + placeId);
			String token = followPage.substring(followPage.lastIndexOf('/') + 1);
			for (String path : List.of("/api/places?limit=10000", "/api/places/" + placeId, "/tips/" + token,
					"/api/reports/follow/" + token, "/api/neighbourhoods/navertorp/feed.atom",
					"/api/reports/nearby?lon=16.2250&lat=58.9990", "/api/reports/summary?neighbourhood=navertorp")) {
				Response answer = anonymous.get(path);
				assertThat(answer.status()).as(path).isEqualTo(200);
				assertThat(answer.body()).as(path).doesNotContain(EMAIL).doesNotContain("nattvandrare");
			}

			// A second resident, 20 m away, is offered the place and adds to its counter.
			comingFrom("198.51.100.2");
			browser.open("/?omrade=navertorp");
			browser.headingIs("Nävertorp");
			browser.clickable(By.id("report-open")).click();
			browser.headingIs("Tipsa om en otrygg plats");
			tapMap(-37, 50);
			browser.waitFor(d -> pinStatus().startsWith("Nålen står"));
			check("reasons", "poor_lighting");
			browser.clickable(By.id("report-send")).click();
			browser.headingIs("Är det någon av dessa?");
			assertThat(browser.driver.findElements(By.cssSelector(".nearby-dropped"))).as("nothing typed to lose").isEmpty();
			// With a text typed, choosing a place would drop it: the step says so.
			browser.clickable(By.xpath("//button[text()='Tillbaka till formuläret']")).click();
			browser.headingIs("Tipsa om en otrygg plats");
			browser.driver.findElement(By.name("text")).sendKeys("Samma gångväg, fortfarande mörkt");
			browser.clickable(By.id("report-send")).click();
			browser.headingIs("Är det någon av dessa?");
			WebElement dropped = browser.visible(By.cssSelector(".nearby-dropped"));
			assertThat(dropped.getText()).startsWith("Din text och e-postadress skickas inte med om du väljer en av dessa");
			assertThat(browser.driver.findElement(By.cssSelector("[data-nearby='" + placeId + "']"))
				.getAttribute("aria-describedby")).isEqualTo(dropped.getAttribute("id"));
			assertThat(browser.seriousAccessibilityViolations()).as("the places nearby").isEmpty();
			browser.clickable(By.cssSelector("[data-nearby='" + placeId + "']")).click();
			browser.headingIs("Tack för ditt tips!");
			assertThat(browser.seriousAccessibilityViolations()).as("the thanks").isEmpty();
			assertThat(residentReports(anonymous, placeId)).isEqualTo(2);
			browser.clickable(By.xpath("//button[text()='Tillbaka till kartan']")).click();
			browser.headingIs("Mörkt vid gångvägen mot skolan");
			browser.waitFor(d -> d.findElement(By.cssSelector(".facts")).getText().contains("2 boende"));

			Response again = anonymous.from("198.51.100.2").post("/api/places/" + placeId + "/voices", "{}",
					"application/json");
			assertThat(again.status()).isEqualTo(204);
			assertThat(residentReports(anonymous, placeId)).as("the same address counts once").isEqualTo(2);
			assertThat(browser.consoleErrors()).isEmpty();
		}
		finally {
			browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		}
	}

	@Test
	void theSixthReportInAnHourSaysHowLongToWaitAFailedSendingKeepsWhatWasTypedAndARobotStoresNothing() {
		ApiClient resident = new ApiClient(port).from("198.51.100.3");
		for (int i = 1; i <= 5; i++) {
			Response sent = resident.post("/api/reports", """
					{"location":{"type":"Point","coordinates":[16.2260,59.0040]},"reasons":["other"],"text":"Tips %d"}"""
				.formatted(i), "application/json");
			assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		}
		comingFrom("198.51.100.3");
		browser.consoleErrors();
		browser.open("/?omrade=navertorp&vy=lista");
		browser.headingIs("Nävertorp");
		browser.clickable(By.id("report-open")).click();
		browser.headingIs("Tipsa om en otrygg plats");
		new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.name("neighbourhood")))
			.selectByValue("navertorp");
		browser.driver.findElement(By.name("place")).sendKeys("Vid busshållplatsen");
		check("reasons", "other");
		browser.driver.findElement(By.name("text")).sendKeys("Det sjätte tipset");
		browser.clickable(By.id("report-send")).click();
		WebElement alert = browser.visible(By.cssSelector(".report-form .form-errors"));
		assertThat(alert.getText()).matches("Du har skickat många tips den senaste timmen\\. Försök igen om \\d+ minuter\\.");
		assertThat(browser.driver.findElement(By.name("text")).getAttribute("value")).isEqualTo("Det sjätte tipset");
		assertThat(browser.seriousAccessibilityViolations()).as("the form with its message").isEmpty();

		// No answer at all: what was typed stays, and the page says so.
		comingFrom("198.51.100.4");
		browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
				"downloadThroughput", -1, "uploadThroughput", -1));
		try {
			browser.clickable(By.id("report-send")).click();
			browser.waitFor(d -> d.findElement(By.cssSelector(".report-form .form-errors")).getText()
				.startsWith("Tipset kunde inte skickas just nu"));
		}
		finally {
			browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
					"downloadThroughput", -1, "uploadThroughput", -1));
		}
		assertThat(browser.driver.findElement(By.name("place")).getAttribute("value")).isEqualTo("Vid busshållplatsen");

		// A robot fills the hidden field: it gets a receipt, and nothing is stored.
		long before = jdbc.sql("SELECT count(*) FROM report").query(Long.class).single();
		browser.script("document.getElementById('report-website').value = 'https://spam.example'");
		browser.clickable(By.id("report-send")).click();
		browser.visible(By.cssSelector(".report-number"));
		assertThat(jdbc.sql("SELECT count(*) FROM report").query(Long.class).single()).isEqualTo(before);
		assertThat(browser.consoleErrors()).allMatch(message -> message.contains("429") || message.contains("Failed to fetch")
				|| message.contains("ERR_INTERNET_DISCONNECTED"));
	}

	@Test
	void theWholeReportWorksWithTheKeyboardAloneWithThePinInTheMiddleOfTheMap() {
		comingFrom("198.51.100.5");
		browser.consoleErrors();
		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		// The map pans with the arrow keys; the pin goes where its middle is.
		tabTo("#report-open", false);
		press(Keys.ENTER);
		browser.headingIs("Tipsa om en otrygg plats");
		tabTo("#map", false);
		for (int i = 0; i < 3; i++) {
			press(Keys.ARROW_DOWN);
		}
		tabTo("#report-centre", true);
		press(Keys.ENTER);
		browser.waitFor(d -> pinStatus().startsWith("Nålen står"));
		tabTo("#" + checkboxId("reasons", "vandalism"));
		press(Keys.SPACE);
		tabTo("#" + checkboxId("when", "night"));
		press(Keys.SPACE);
		tabTo("textarea[name='text']");
		press("Klotter och krossat glas varje helg");
		tabTo("#report-send");
		press(Keys.ENTER);
		browser.waitFor(d -> !d.findElements(By.cssSelector(".report-number, #report-not-these")).isEmpty());
		if (!browser.driver.findElements(By.id("report-not-these")).isEmpty()) {
			tabTo("#report-not-these");
			press(Keys.ENTER);
		}
		String number = browser.visible(By.cssSelector(".report-number")).getText();
		long id = Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
		assertThat(jdbc.sql("SELECT reasons[1] || ' ' || times[1] || ' ' || text FROM report WHERE id = :id AND geom IS NOT NULL")
			.param("id", id).query(String.class).single()).isEqualTo("vandalism night Klotter och krossat glas varje helg");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void fromTheListViewAReportIsADistrictAndWordsWithoutAPin() {
		comingFrom("198.51.100.6");
		browser.consoleErrors();
		browser.open("/?vy=lista");
		browser.headingIs("Stadsdelar");
		browser.clickable(By.id("report-open")).click();
		browser.headingIs("Tipsa om en otrygg plats");
		assertThat(browser.driver.findElements(By.id("report-centre")).get(0).isDisplayed()).isFalse();
		browser.clickable(By.id("report-send")).click();
		// What is missing is said at its fields, and the first of them has the focus.
		browser.waitFor(d -> "neighbourhood".equals(d.switchTo().activeElement().getAttribute("name")));
		WebElement district = browser.driver.findElement(By.name("neighbourhood"));
		assertThat(district.getAttribute("aria-invalid")).isEqualTo("true");
		String describedBy = district.getAttribute("aria-describedby");
		assertThat(browser.driver.findElement(By.id(describedBy)).getText()).isNotBlank();
		assertThat(browser.seriousAccessibilityViolations()).as("the form with its errors").isEmpty();

		new org.openqa.selenium.support.ui.Select(district).selectByValue("navertorp");
		browser.driver.findElement(By.name("place")).sendKeys("Gångbron över Nävertorpsvägen");
		check("reasons", "poor_lighting");
		browser.clickable(By.id("report-send")).click();
		String number = browser.visible(By.cssSelector(".report-number")).getText();
		long id = Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
		assertThat(jdbc.sql("SELECT neighbourhood || ': ' || place_words FROM report WHERE id = :id AND geom IS NULL")
			.param("id", id).query(String.class).single()).isEqualTo("navertorp: Gångbron över Nävertorpsvägen");
		assertThat(browser.consoleErrors()).as("the 422 only").allMatch(message -> message.contains("422"));
	}

	@Test
	void myPositionSaysSoWhenItIsNotAllowedAndOtherwisePutsThePinWhereTheResidentIs() {
		browser.consoleErrors();
		browser.driver.executeCdpCommand("Browser.setPermission", Map.of("permission", Map.of("name", "geolocation"),
				"setting", "denied", "origin", "http://localhost:" + port));
		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		browser.clickable(By.id("report-open")).click();
		browser.clickable(By.id("report-position")).click();
		browser.waitFor(d -> d.findElement(By.cssSelector(".position-message")).getText()
			.startsWith("Du har inte gett tillåtelse att använda din position"));
		assertThat(pinStatus()).isEqualTo("Ingen nål är satt än.");
		assertThat(browser.driver.findElement(By.id("report-centre")).isEnabled()).as("the other ways stay").isTrue();

		browser.driver.executeCdpCommand("Browser.setPermission", Map.of("permission", Map.of("name", "geolocation"),
				"setting", "granted", "origin", "http://localhost:" + port));
		browser.driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 59.0012, "longitude", 16.2288,
				"accuracy", 10));
		try {
			browser.clickable(By.id("report-position")).click();
			browser.waitFor(d -> pinStatus().equals("Nålen står på platsen du valt (59.00120, 16.22880)."));
		}
		finally {
			browser.driver.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
			browser.driver.executeCdpCommand("Browser.resetPermissions", Map.of());
		}
		assertThat(browser.consoleErrors()).isEmpty();
	}

	/** From now on the browser's requests say, through the trusted proxy, that they come from this address. */
	private void comingFrom(String address) {
		browser.driver.executeCdpCommand("Network.enable", Map.of());
		browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
	}

	/** A tap on the map this many pixels right and down from its middle. */
	private void tapMap(int right, int down) {
		new Actions(browser.driver).moveToElement(browser.driver.findElement(By.id("map")), right, down).click().perform();
	}

	private String pinStatus() {
		return browser.driver.findElement(By.cssSelector(".pin-status")).getText();
	}

	private String checkboxId(String field, String code) {
		return browser.driver.findElement(By.cssSelector("[data-field='" + field + "'] input[value='" + code + "']"))
			.getAttribute("id");
	}

	private void check(String field, String code) {
		browser.driver.findElement(By.cssSelector("[data-field='" + field + "'] input[value='" + code + "']")).click();
	}

	/** "Nej, skicka mitt tips" when places lie near the pin (other tests' places may). */
	private void notThese() {
		browser.waitFor(d -> !d.findElements(By.cssSelector(".report-number, #report-not-these")).isEmpty());
		if (!browser.driver.findElements(By.id("report-not-these")).isEmpty()) {
			browser.clickable(By.id("report-not-these")).click();
		}
	}

	/** Presses Tab until the focus is on the element the selector names (as a keyboard user gets there). */
	private void tabTo(String selector) {
		tabTo(selector, false);
	}

	/** Presses Tab (or Shift+Tab, backward) until the focus is on the element the selector names. */
	private void tabTo(String selector, boolean backward) {
		for (int i = 0; i < 400; i++) {
			if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches(arguments[0])", selector))) {
				return;
			}
			press(backward ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB);
		}
		throw new AssertionError("Tab never reached " + selector);
	}

	private void press(CharSequence keys) {
		new Actions(browser.driver).sendKeys(keys).perform();
	}

	private static int publicPlaces(ApiClient anonymous) {
		return anonymous.get("/api/places?limit=1").json().get("numberMatched").intValue();
	}

	private static int residentReports(ApiClient anonymous, long placeId) {
		return anonymous.get("/api/places?ids=" + placeId).json().get("features").get(0).get("properties")
			.get("residentReports").intValue();
	}

}
