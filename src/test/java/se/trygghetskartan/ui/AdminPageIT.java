package se.trygghetskartan.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin sets the municipality up on /admin: loads its district boundaries (dry run, then import)
 * and sees them on the public map, and names the municipality that every page's header shows.
 */
@IntegrationTest
class AdminPageIT {

	/**
	 * A district in SWEREF 99 TM, as a municipal GIS exports it without saying its CRS, and a feature
	 * that is no district.
	 */
	static final String DISTRICT = """
			{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"namn":"Provby Webbäng","kod":9},
			 "geometry":{"type":"Polygon","coordinates":[[[568800,6541300],[569200,6541300],[569200,6541700],
			 [568800,6541700],[568800,6541300]]]}},
			 {"type":"Feature","properties":{"namn":"Provby Tom","kod":10},"geometry":null}]}""";

	@LocalServerPort
	int port;

	Browser browser;

	ApiClient admin;

	@BeforeEach
	void start() {
		browser = new Browser(port);
		admin = new ApiClient(port).as("admin", "admin");
	}

	@AfterEach
	void cleanUp() {
		browser.close();
		Response district = admin.get("/api/neighbourhoods/provby-webbang");
		if (district.status() == 200) {
			admin.delete("/api/neighbourhoods/provby-webbang", district.header("ETag"));
		}
	}

	@Test
	void adminDryRunsADistrictFileThenImportsItAndResidentsSeeTheDistrictOnTheMap() throws Exception {
		Path file = Files.createTempFile("stadsdelar", ".geojson");
		Files.writeString(file, DISTRICT);
		browser.logIn("admin");
		browser.open("/admin");
		browser.visible(By.id("districts-heading"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.driver.findElement(By.id("import-file")).sendKeys(file.toString());
		new Select(browser.driver.findElement(By.id("import-crs"))).selectByValue("EPSG:3006");
		browser.driver.findElement(By.cssSelector("[data-action='dry-run']")).click();

		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-report='added']"),
				"provby-webbang"));
		assertThat(browser.driver.findElement(By.cssSelector(".import-report h3")).getText())
			.isEqualTo("Provkörning – inget har sparats");
		assertThat(browser.driver.findElement(By.cssSelector(".import-report .rejected-lines")).getText())
			.as("the server's reason as it says it").isEqualTo("Objekt 2 (Provby Tom): Har ingen geometri.");
		assertThat(browser.texts(By.cssSelector("#import-name option"))).contains("namn", "kod");
		assertThat(new Select(browser.driver.findElement(By.id("import-name"))).getFirstSelectedOption().getText())
			.isEqualTo("namn");
		assertThat(admin.get("/api/neighbourhoods/provby-webbang").status()).as("the dry run stored nothing")
			.isEqualTo(404);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.clickable(By.cssSelector("[data-action='import']")).click();
		browser.visible(By.cssSelector("[data-district='provby-webbang']"));
		assertThat(browser.driver.findElement(By.cssSelector(".import-report h3")).getText()).isEqualTo("Importerat");
		assertThat(browser.driver.findElement(By.cssSelector("[data-report='added']")).getText())
			.contains("provby-webbang");
		JsonNode stored = admin.get("/api/neighbourhoods/provby-webbang").json();
		double lon = stored.get("geometry").get("coordinates").get(0).get(0).get(0).get(0).doubleValue();
		assertThat(lon).as("read as SWEREF 99 TM, stored as longitude").isBetween(16.0, 16.4);

		browser.open("/");
		browser.clickable(By.cssSelector("[data-district='provby-webbang']")).click();
		browser.headingIs("Provby Webbäng");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/?omrade=provby-webbang");
		assertThat(browser.consoleErrors()).isEmpty();

		browser.open("/admin");
		browser.clickable(By.xpath("//li[@data-district='provby-webbang']//button[text()='Ta bort Provby Webbäng']")).click();
		browser.clickable(By.xpath("//li[@data-district='provby-webbang']//button[contains(@class,'danger')]")).click();
		browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-district='provby-webbang']")));
		assertThat(admin.get("/api/neighbourhoods/provby-webbang").status()).isEqualTo(404);
	}

	@Test
	void theHeaderNamesTheMunicipalityTheSettingsName() {
		Response config = admin.get("/api/config");
		ObjectNode renamed = (ObjectNode) config.json();
		renamed.put("name", "Provkommun");
		String etag = admin.put("/api/config", renamed.toString(), config.header("ETag"), "application/json")
			.header("ETag");
		try {
			browser.open("/");
			browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(".brand-place"), "Provkommun"));
			browser.open("/uppfoljning");
			browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(".brand-place"), "Provkommun"));
		}
		finally {
			renamed.put("name", "Katrineholm");
			assertThat(admin.put("/api/config", renamed.toString(), etag, "application/json").status()).isEqualTo(200);
		}
		browser.open("/");
		browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(".brand-place"), "Katrineholm"));
	}

	@Test
	void anAdminSetsTheStartViewThatThePublicMapOpensAtAndAPlannerMayNotOpenThePage() {
		JsonNode before = admin.get("/api/config").json().get("startView");
		browser.logIn("planner");
		browser.open("/admin");
		assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Kommunens namn");
		browser.close();

		browser = new Browser(port);
		browser.logIn("admin");
		browser.open("/admin");
		browser.visible(By.id("municipality-heading"));
		// The demo has a start view of its own: the box is ticked already.
		if (!browser.driver.findElement(By.id("own-start-view")).isSelected()) {
			browser.driver.findElement(By.id("own-start-view")).click();
		}
		type("startLon", "16.2070");
		type("startLat", "58.9960");
		type("startZoom", "15");
		browser.driver.findElement(By.cssSelector("[data-action='save-settings']")).click();
		// The announcer is for screen readers: there as text, not on screen.
		browser.waitFor(driver -> "Inställningarna är sparade."
			.equals(browser.script("return document.getElementById('announcer').textContent")));
		JsonNode settings = admin.get("/api/config").json();
		try {
			assertThat(settings.get("startView").get("zoom").doubleValue()).isEqualTo(15);
			browser.open("/");
			// The test tiles' URLs name their zoom level: /15/x/y.png at the start view.
			browser.waitFor(driver -> !driver.findElements(By.cssSelector("#map img.leaflet-tile-loaded")).isEmpty());
			assertThat(browser.driver.findElement(By.cssSelector("#map img.leaflet-tile")).getAttribute("src"))
				.contains("/15/");
		}
		finally {
			// Back to the start view the other tests' maps open at (the demo's).
			ObjectNode reset = (ObjectNode) settings.deepCopy();
			reset.set("startView", before);
			assertThat(admin.put("/api/config", reset.toString(), "\"" + settings.get("version").longValue() + "\"",
					"application/json").status()).isEqualTo(200);
		}
	}

	private void type(String field, String value) {
		var input = browser.driver.findElement(By.cssSelector("[data-field='" + field + "'] input"));
		input.clear();
		input.sendKeys(value);
	}

}
