package se.trygghetskartan.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestIncidentSources;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IncidentMapIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	void logIn(Browser browser, String user) {
		browser.logIn(user);
		browser.headingIs("Stadsdelar");
	}

	@Test
	void residentsSeeTheAggregatedIncidentLayerLabelledAsSuch() {
		try (Browser browser = new Browser(port)) {
			browser.consoleErrors();
			browser.open("/?omrade=centrum");
			browser.headingIs("Centrum");
			browser.driver.findElement(By.cssSelector("details.incidents summary")).click();
			browser.clickable(By.id("incidents-on")).click();

			browser.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("path.incident-cell"), 3));
			// Read as one: the district's panel is drawn again when its lists arrive.
			String panel = browser.waitFor(d -> d.findElement(By.cssSelector("details.incidents")).getText());
			assertThat(panel).contains("aggregerad").contains("färre än 5").contains("exakta platser visas inte");
			browser.waitFor(d -> d.findElement(By.id("incidents-on")).isSelected());
			assertThat(browser.driver.findElements(By.cssSelector(".incident-dot"))).isEmpty();
			assertThat(browser.consoleErrors()).isEmpty();
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		}
	}

	@Test
	void aPlannerSeesHotspotsAndMarksOneAsAnUnsafePlace() {
		try (Browser browser = new Browser(port)) {
			logIn(browser, "planner");
			browser.clickable(By.cssSelector("[data-action='mark-hotspot']")).click();

			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-title"), "Brottsutsatt område"));
			assertThat(browser.driver.findElement(By.cssSelector(".facts")).getText()).contains("Brottsutsatt")
				.contains("Polisens lägesbild");
		}
	}

	@Test
	void thePoliceImportAnExcelFileSeeItsProgressAndRejectedLinesAndUndoItFromTheListOfImports() throws Exception {
		TestIncidentSources.ensure(new ApiClient(port).as("planner", "planner"), "ui-test");
		try (Browser browser = new Browser(port)) {
			logIn(browser, "police");
			java.nio.file.Path csv = java.nio.file.Files.createTempFile("incidents", ".csv");
			java.nio.file.Files.writeString(csv, "id;occurred_at;category;lon;lat\r\nUI-1;2025-03-01T22:00;Stöld;16.21;59.0\r\n"
					+ "UI-2;2025-03-01T22:00;unicorn;16.21;59.0\r\n", java.nio.charset.Charset.forName("windows-1252"));
			browser.driver.findElement(By.id("incident-file")).sendKeys(csv.toString());
			browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#incident-source option[value='ui-test']")));
			assertThat(new Select(browser.driver.findElement(By.id("incident-source"))).getFirstSelectedOption().getText())
				.isEqualTo("Polisen");
			new Select(browser.driver.findElement(By.id("incident-source"))).selectByValue("ui-test");
			assertThat(browser.driver.findElements(By.cssSelector("[data-action='new-source']")))
				.as("the police choose from the sources; planners add them").isEmpty();
			new Select(browser.driver.findElement(By.id("incident-charset"))).selectByValue("windows-1252");
			browser.driver.findElement(By.xpath("//button[text()='Importera']")).click();

			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".import-status"), "Klart."));
			String status = browser.driver.findElement(By.cssSelector(".import-status")).getText();
			assertThat(status).contains("2 rader lästa: 1 nya").contains("1 avvisade").contains("Rad 3")
				.contains("Rad 3: ”unicorn” är ingen känd kategori");
			assertThat(jdbc.sql("SELECT category FROM incident WHERE source = 'ui-test'").query(String.class).list())
				.containsExactly("theft");

			long id = jdbc.sql("SELECT max(id) FROM incident_import WHERE source = 'ui-test'").query(Long.class).single();
			By listed = By.cssSelector(".import-list [data-import='" + id + "']");
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(listed, "Testkälla ui-test"));
			assertThat(browser.driver.findElement(listed).getText()).contains("police")
				.contains("2 rader lästa: 1 nya")
				.contains("Klar.");
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
			browser.driver.findElement(listed).findElement(By.cssSelector("[data-action='undo-import']")).click();
			browser.driver.findElement(listed).findElement(By.cssSelector("[data-action='confirm-undo-import']")).click();

			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".import-list-status"),
					"Importen är ångrad"));
			browser.waitFor(ExpectedConditions.numberOfElementsToBe(listed, 0));
			assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE source = 'ui-test'").query(Long.class).single())
				.isZero();
			assertThat(browser.consoleErrors()).isEmpty();
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		}
	}

	@Test
	void aPlannerAddsASourceThatTheImportFormThenOffers() {
		String name = "Larmcentralens rapporter " + System.nanoTime();
		try (Browser browser = new Browser(port)) {
			logIn(browser, "planner");
			browser.clickable(By.cssSelector("[data-action='new-source']")).click();
			browser.driver.findElement(By.id("new-incident-source")).sendKeys(name);
			browser.driver.findElement(By.cssSelector("[data-action='add-source']")).click();

			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".new-source [role='status']"),
					"är tillagd"));
			assertThat(new Select(browser.driver.findElement(By.id("incident-source"))).getFirstSelectedOption().getText())
				.isEqualTo(name);
			browser.driver.findElement(By.id("new-incident-source")).sendKeys(name.toUpperCase());
			browser.driver.findElement(By.cssSelector("[data-action='add-source']")).click();
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".new-source [role='status']"),
					"Det finns redan en källa ”" + name + "”: välj den när du importerar."));
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		}
	}

	@Test
	void thePoliceSeeExactIncidentsButCannotEdit() {
		try (Browser browser = new Browser(port)) {
			logIn(browser, "police");
			assertThat(browser.driver.findElements(By.cssSelector("[data-action='new-place']"))).isEmpty();
			browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hotspots li button")));
			assertThat(browser.driver.findElements(By.cssSelector("[data-action='mark-hotspot']"))).isEmpty();

			browser.clickable(By.id("exact-incidents")).click();

			browser.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(
					By.cssSelector(".incident-dot, .cluster-incidents"), 0));
		}
	}

}
