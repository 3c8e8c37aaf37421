package se.trygghetskartan.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import se.trygghetskartan.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A planner opens "Importera", picks a CSV file, sees its columns mapped and runs it dry. */
@IntegrationTest
class ImportDialogIT extends BrowserTest {

	static final String CSV = """
			name;reasons;x;y
			Webbtunneln;poor_lighting;569000;6541500
			Webbparken;dark_alleys;569100;6541600
			""";

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void logIn() {
		browser.logIn("planner");
		browser.headingIs("Stadsdelar");
	}

	@Test
	void aDryRunShowsTheColumnsMappedAndEveryRejectedLineAndStoresNothing() throws Exception {
		Path file = Files.createTempFile("platser", ".csv");
		Files.writeString(file, CSV);
		long before = jdbc.sql("SELECT count(*) FROM unsafe_place").query(Long.class).single();

		browser.clickable(By.cssSelector("[data-action='import']")).click();
		browser.headingIs("Importera platser eller åtgärder");
		browser.driver.findElement(By.id("import-file")).sendKeys(file.toString());
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".import-detected"),
				"CSV med 4 kolumner"));
		assertThat(new Select(browser.driver.findElement(By.id("import-field-name"))).getFirstSelectedOption().getText())
			.as("same-name columns are proposed").isEqualTo("name");
		assertThat(new Select(browser.driver.findElement(By.id("import-field-x"))).getFirstSelectedOption().getText())
			.isEqualTo("x");
		new Select(browser.driver.findElement(By.id("import-crs"))).selectByValue("EPSG:3006");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.driver.findElement(By.cssSelector("[data-action='import-dry-run']")).click();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".import-report h3")));
		assertThat(browser.driver.findElement(By.cssSelector(".import-report h3")).getText())
			.isEqualTo("Provkörning: inget har sparats");
		assertThat(browser.driver.findElement(By.cssSelector("[data-report='totals']")).getText())
			.isEqualTo("Av 2 rader skulle 1 läggas till och 0 uppdateras; 1 avvisas.");
		assertThat(browser.driver.findElement(By.cssSelector(".import-report .rejected-lines")).getText())
			.startsWith("Rad 3 reasons (reasons): ”dark_alleys” är inte");
		assertThat(browser.driver.findElement(By.cssSelector("[data-action='import-store']")).isEnabled()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM unsafe_place").query(Long.class).single()).isEqualTo(before);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
		Files.delete(file);
	}

}
