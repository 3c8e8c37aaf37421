package se.trygghetskartan.ui;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /om, "Om tjänsten" (#12): what the service is, who runs it (the municipality the settings name),
 * how data is handled, the accessibility statement the DOS law requires, and whom to contact. Tests
 * that change the settings put them back.
 */
@IntegrationTest
class AboutPageIT extends BrowserTest {

	ApiClient admin;

	@BeforeAll
	void adminClient() {
		admin = new ApiClient(port).as("admin", "admin");
	}

	String section(String id) {
		return browser.driver.findElement(By.cssSelector("section[aria-labelledby='" + id + "']")).getText();
	}

	@Test
	void theAboutPageSaysWhatTheServiceIsWhoRunsItHowDataIsHandledAndHowToReportInaccessibility() {
		Response config = admin.get("/api/config");
		ObjectNode renamed = ((ObjectNode) config.json()).put("name", "Provkommun");
		String etag = admin.put("/api/config", renamed.toString(), config.header("ETag"), "application/json").header("ETag");
		try {
			browser.consoleErrors();
			browser.open("/om");
			browser.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Om Trygghetskartan"));

			assertThat(browser.driver.findElement(By.cssSelector(".brand-place")).getText()).isEqualTo("Provkommun");
			assertThat(browser.driver.getTitle()).isEqualTo("Om tjänsten – Trygghetskartan");
			assertThat(section("about-what")).contains("medborgarlöften");
			assertThat(section("about-who")).contains("kommunen (Provkommun)").doesNotContain("Katrineholm");
			assertThat(section("about-data")).contains("250 × 250 meter").contains("under 5 visas inte")
				.contains("närmaste 5").contains("utkast").contains("inga kakor").contains("XSRF-TOKEN")
				.contains("Bakgrundskartan hämtas från 127.0.0.1:");
			String statement = section("about-accessibility");
			assertThat(statement).contains("lagen (2018:1937) om tillgänglighet till digital offentlig service")
				.contains("delvis förenlig")
				.contains("Kartan: markeringarna går att nå")
				.contains("Kontakta kommunen (Provkommun)")
				.contains("Digg")
				.contains("28 nov. 2026");
			WebElement digg = browser.driver.findElement(By.linkText("Anmäl bristande tillgänglighet till Digg (digg.se)"));
			assertThat(digg.getAttribute("href")).isEqualTo("https://www.digg.se/tdosanmalan");
			assertThat(section("about-contact")).contains("kommunen (Provkommun)").contains("112").contains("114 14");
			assertThat(browser.texts(By.cssSelector("main a"))).contains("Till kartan över stadsdelarna",
					"Till medborgarlöftena och uppföljningen");
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
			assertThat(browser.consoleErrors()).isEmpty();

			browser.clickable(By.id("language")).click();
			browser.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "About Trygghetskartan"));
			assertThat(section("about-accessibility")).contains("partially compliant").contains("Provkommun");
			assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			browser.clickable(By.id("language")).click();
			browser.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Om Trygghetskartan"));
		}
		finally {
			renamed.put("name", "Katrineholm");
			assertThat(admin.put("/api/config", renamed.toString(), etag, "application/json").status()).isEqualTo(200);
		}
	}

	@Test
	void theContactsAnAdminEntersAreTheOnesTheAboutPageGives() {
		try (Browser staff = new Browser(port)) {
			staff.logIn("admin");
			staff.open("/admin");
			staff.visible(By.id("municipality-heading"));
			type(staff, "contactEmail", "trygghet@provkommun.se");
			type(staff, "accessibilityContact", "https://www.provkommun.se/tillganglighet/anmal");
			staff.driver.findElement(By.cssSelector("[data-action='save-settings']")).click();
			staff.waitFor(driver -> "Inställningarna är sparade.".equals(staff.announced()));
			try {
				browser.open("/om");
				WebElement contact = browser.visible(By.cssSelector("#contact a"));
				assertThat(contact.getText()).isEqualTo("trygghet@provkommun.se");
				assertThat(contact.getAttribute("href")).isEqualTo("mailto:trygghet@provkommun.se");
				WebElement form = browser.driver.findElement(By.cssSelector("#accessibility-contact a"));
				assertThat(form.getText()).isEqualTo("Formulär för att anmäla brister i tillgängligheten");
				assertThat(form.getAttribute("href")).isEqualTo("https://www.provkommun.se/tillganglighet/anmal");

				// Without an accessibility contact of its own, reports go to the contact e-mail.
				staff.script("document.getElementById('announcer').textContent = ''");
				type(staff, "accessibilityContact", "");
				staff.driver.findElement(By.cssSelector("[data-action='save-settings']")).click();
				staff.waitFor(driver -> "Inställningarna är sparade.".equals(staff.announced()));
				browser.open("/om");
				assertThat(browser.visible(By.cssSelector("#accessibility-contact a")).getAttribute("href"))
					.isEqualTo("mailto:trygghet@provkommun.se");
			}
			finally {
				Response config = admin.get("/api/config");
				ObjectNode none = ((ObjectNode) config.json()).putNull("contactEmail").putNull("accessibilityContact");
				assertThat(admin.put("/api/config", none.toString(), config.header("ETag"), "application/json").status())
					.isEqualTo(200);
			}
		}
		browser.open("/om");
		assertThat(browser.visible(By.id("contact")).getText()).contains("via kommunens växel eller webbplats");
		assertThat(browser.driver.findElements(By.cssSelector("#contact a, #accessibility-contact a"))).isEmpty();
	}

	private static void type(Browser browser, String field, String value) {
		WebElement input = browser.driver.findElement(By.cssSelector("[data-field='" + field + "'] input"));
		input.clear();
		input.sendKeys(value);
	}

	/** What the about page says about cookies is what a resident's browser gets. */
	@Test
	void aResidentLookingAtThePublicPagesGetsNoCookieButTheFormProtectionOne() {
		try (Browser resident = new Browser(port)) {
			for (String page : List.of("/", "/?omrade=navertorp", "/uppfoljning", "/vandring?id=2", "/om")) {
				resident.open(page);
				resident.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".brand-place"),
						"Katrineholm"));
				resident.waitFor(driver -> Boolean.TRUE.equals(resident.script("return document.readyState === 'complete'")));
			}

			Set<Cookie> cookies = resident.driver.manage().getCookies();

			assertThat(cookies).extracting(Cookie::getName).isSubsetOf("XSRF-TOKEN");
			assertThat(cookies).allSatisfy(cookie -> assertThat(cookie.getExpiry()).as("gone with the browser").isNull());
		}
	}

	@Test
	void onAPhoneTheHeaderAndTheAboutPageFitTheScreen() {
		browser.phoneSized();
		try {
			for (String page : List.of("/om", "/", "/uppfoljning")) {
				browser.open(page);
				browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".brand-place"),
						"Katrineholm"));
				assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
					.as("%s scrolls sideways", page).isEqualTo(true);
				for (WebElement link : browser.driver.findElements(By.cssSelector("header nav.topnav a"))) {
					assertThat(link.isDisplayed()).isTrue();
					assertThat(link.getSize().getHeight()).as("a target a finger hits").isGreaterThanOrEqualTo(24);
				}
			}
			assertThat(browser.driver.findElement(By.cssSelector("header")).getSize().getHeight())
				.as("the header leaves the map most of the screen").isLessThan(844 / 4);
		}
		finally {
			browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		}
	}

}
