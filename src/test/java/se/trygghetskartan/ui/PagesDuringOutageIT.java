package se.trygghetskartan.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.OutageApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages while the database is down (on the second instance of OutageApp): each says, in the
 * reader's language, that the data is temporarily unavailable, not that something is broken, and
 * loads itself again once the database is back.
 */
@IntegrationTest
class PagesDuringOutageIT {

	static final String UNAVAILABLE = "Uppgifterna är tillfälligt otillgängliga. Sidan försöker igen av sig själv om en stund.";

	final OutageApp app = OutageApp.get();

	@Test
	void everyPageSaysTheDataIsTemporarilyUnavailableAndLoadsItselfAgainWhenTheDatabaseIsBack() throws Exception {
		int walk = app.api().get("/api/activities?kind=safety_walk").json().get("features").get(0).get("id").intValue();
		List<String> figures = new ArrayList<>();
		try (Browser browser = new Browser(app.port()); Browser planner = new Browser(app.port())) {
			planner.logIn("planner");
			browser.open("/");
			browser.headingIs("Stadsdelar");

			app.stopDatabase();
			try {
				for (String page : List.of("/vandring?id=" + walk, "/uppfoljning", "/katrineholm/", "/")) {
					figures.add(page + " " + unavailable(browser, page).toMillis() + " ms");
				}
				// The planner's session lives in the database too: the page the server answers with
				// says the same, and reloads itself.
				figures.add("/planering " + unavailable(planner, "/planering").toMillis() + " ms");
				browser.clickable(By.id("language")).click();
				assertThat(browser.visible(By.cssSelector(".error[role='alert']")).getText())
					.isEqualTo("The data is temporarily unavailable. The page will try again by itself shortly.");
				browser.clickable(By.id("language")).click();

				// A login needs the database too: the login page says so, not "wrong password".
				try (Browser login = new Browser(app.port())) {
					login.open("/login");
					login.visible(By.id("username")).sendKeys("planner");
					login.driver.findElement(By.id("password")).sendKeys("planner");
					login.driver.findElement(By.cssSelector("button[type='submit']")).click();
					assertThat(login.visible(By.id("login-error")).getText())
						.isEqualTo("Inloggningen är tillfälligt otillgänglig. Försök igen om en stund.");
				}
			}
			finally {
				System.out.println("PagesDuringOutageIT: the pages said so after " + figures);
				app.startDatabase();
			}

			// Nobody reloads: the map page asks again after Retry-After (2 s here) and shows the districts.
			long back = System.nanoTime();
			new WebDriverWait(browser.driver, Duration.ofSeconds(20), Duration.ofMillis(100))
				.until(ExpectedConditions.textToBe(By.id("panel-title"), "Stadsdelar"));
			new WebDriverWait(planner.driver, Duration.ofSeconds(20), Duration.ofMillis(100))
				.until(ExpectedConditions.textToBe(By.id("panel-title"), "Stadsdelar"));
			System.out.println("PagesDuringOutageIT: the map page showed the districts again after "
					+ Duration.ofNanos(System.nanoTime() - back).toMillis() + " ms");
		}
	}

	// Opens the page and waits for its message; how long that took.
	static Duration unavailable(Browser browser, String page) {
		long start = System.nanoTime();
		browser.open(page);
		WebElement message = browser.visible(By.cssSelector(".error[role='alert']"));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(message.getText()).as(page).isEqualTo(UNAVAILABLE);
		assertThat(took).as(page).isLessThan(Duration.ofSeconds(6));
		return took;
	}

}
