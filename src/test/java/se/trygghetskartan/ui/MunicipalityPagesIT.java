package se.trygghetskartan.ui;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestMunicipalities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of a second municipality under its slug, the national page that lists them all, and the
 * old addresses that stay the default municipality's. The second municipality (Testby, with a
 * "centrum" of its own beside Katrineholm's) is made for the class and removed after it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MunicipalityPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	TestMunicipalities municipalities;

	@BeforeAll
	void secondMunicipalityAndBrowser() {
		municipalities = new TestMunicipalities(jdbc);
		long testby = municipalities.create("testby", "Testby", "9901", 17.0, 59.0, 17.3, 59.2);
		municipalities.district(testby, "centrum", "Testby centrum", 17.10, 59.05, 17.15, 59.08);
		municipalities.district(testby, "hamnen", "Hamnen", 17.15, 59.05, 17.20, 59.08);
		municipalities.place(testby, "Hamnplanen", 17.17, 59.06, true);
		browser = new Browser(port);
	}

	@AfterAll
	void removeThem() {
		browser.close();
		municipalities.remove("testby");
	}

	List<String> districtNames() {
		browser.visible(By.cssSelector("[data-district]"));
		return browser.texts(By.cssSelector("[data-district] .district-name"));
	}

	String href(By link) {
		return browser.driver.findElement(link).getAttribute("href").replace("http://localhost:" + port, "");
	}

	@Test
	void theNationalPageListsEveryMunicipalityOnAMapAndInATableWithLinksThatOpenTheirPages() {
		browser.consoleErrors();
		browser.open("/sverige");
		browser.visible(By.cssSelector("tr[data-municipality='testby']"));

		assertThat(browser.texts(By.cssSelector("table.municipalities tbody th"))).containsSubsequence("Katrineholm",
				"Testby");
		assertThat(browser.texts(By.cssSelector("tr[data-municipality='katrineholm'] td")))
			.as("period, fulfilled, commitments, places, measures, done, districts").hasSize(7)
			// Its newest period: the demo's, or one other tests of this run have added.
			.element(0).asString().matches("\\d{4}(-\\d{4})?");
		assertThat(browser.texts(By.cssSelector("tr[data-municipality='testby'] td"))).containsExactly("Inga löften än",
				"–", "–", "1", "0", "0", "2");
		assertThat(href(By.cssSelector("tr[data-municipality='testby'] a"))).isEqualTo("/testby/");
		assertThat(href(By.cssSelector(".topnav a[aria-current='page']"))).isEqualTo("/sverige");
		// Both on the map: each as a marker of its own, or counted in a cluster, named for screen readers.
		browser.waitFor(d -> !d.findElements(By.cssSelector("#national-map .leaflet-marker-icon")).isEmpty());
		String onMap = browser.driver.findElements(By.cssSelector("#national-map .leaflet-marker-icon"))
			.stream()
			.map(browser::textContent)
			.reduce("", String::concat);
		assertThat(onMap).satisfiesAnyOf(text -> assertThat(text).contains("Katrineholm", "Testby"),
				text -> assertThat(text).contains("2 kommuner"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		WebElement search = browser.visible(By.id("municipality-search"));
		search.sendKeys("testb");
		browser.waitFor(d -> d.findElement(By.cssSelector("tr[data-municipality='katrineholm']")).getAttribute("hidden") != null);
		assertThat(browser.driver.findElement(By.cssSelector("#national-list [role='status']")).getText())
			.isEqualTo("Visar 1 av " + browser.driver.findElements(By.cssSelector("table.municipalities tbody tr")).size()
					+ " kommuner");

		browser.clickable(By.cssSelector("tr[data-municipality='testby'] a")).click();
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/testby/"));
		assertThat(districtNames()).contains("Testby centrum", "Hamnen");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void theNationalPageWorksOnAPhoneWithoutScrollingSideways() {
		try {
			browser.phoneSized();
			browser.open("/sverige");
			browser.visible(By.cssSelector("tr[data-municipality='testby']"));

			assertThat(browser.driver.findElement(By.id("national-map")).isDisplayed()).isTrue();
			assertThat((Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth"))
				.as("the table scrolls in its own region, not the page").isLessThanOrEqualTo(0L);
		}
		finally {
			browser.driver.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	@Test
	void aMunicipalitysPageAsksTheApiForItsMunicipalityAndLinksUnderItsSlug() {
		browser.recordFetches();
		browser.open("/testby/");

		assertThat(districtNames()).contains("Hamnen", "Testby centrum");
		List<String> apiCalls = browser.fetches()
			.stream()
			.map(Browser.Fetch::url)
			.filter(url -> url.startsWith("/api/") && !url.startsWith("/api/session"))
			.toList();
		assertThat(apiCalls).isNotEmpty().allMatch(url -> url.contains("municipality=testby"), "asks for Testby");
		assertThat(href(By.cssSelector(".topnav a[data-i18n='nav.map']"))).isEqualTo("/testby/");
		assertThat(href(By.cssSelector(".topnav a[data-i18n='nav.promises']"))).isEqualTo("/testby/uppfoljning");
		assertThat(href(By.cssSelector(".topnav a[data-i18n='nav.about']"))).isEqualTo("/testby/om");
		assertThat(href(By.cssSelector(".topnav a[data-i18n='nav.national']"))).isEqualTo("/sverige");
		assertThat(href(By.cssSelector("[data-district='hamnen']"))).isEqualTo("/testby/?omrade=hamnen");
		assertThat(href(By.cssSelector("a.follow-up-link"))).isEqualTo("/testby/uppfoljning");

		browser.clickable(By.cssSelector("[data-district='hamnen']")).click();
		browser.headingIs("Hamnen");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/testby/?omrade=hamnen");
		assertThat(href(By.cssSelector("a.feed-link"))).as("the district's feed")
			.isEqualTo("/api/neighbourhoods/hamnen/feed.atom?municipality=testby");
	}

	@Test
	void eachMunicipalitysPageListsItsOwnDistrictsOnly() {
		browser.open("/testby/");
		assertThat(districtNames()).containsExactlyInAnyOrder("Hamnen", "Testby centrum");

		browser.open("/");
		assertThat(districtNames()).contains("Nävertorp").doesNotContain("Hamnen", "Testby centrum");

		browser.open("/testby/?omrade=centrum");
		browser.headingIs("Testby centrum");
	}

	@Test
	void oldAddressesStayTheDefaultMunicipalitysAndItsSlugShowsTheSamePages() {
		browser.open("/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/?omrade=navertorp");

		browser.open("/katrineholm/?omrade=navertorp");
		browser.headingIs("Nävertorp");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/katrineholm/?omrade=navertorp");

		browser.open("/katrineholm/uppfoljning");
		browser.visible(By.cssSelector("h1"));
		assertThat(href(By.cssSelector(".topnav a[aria-current='page']"))).isEqualTo("/katrineholm/uppfoljning");
	}

	@Test
	void onlyExistingMunicipalitiesHavePagesAndTheirSlugWithoutASlashLeadsToThem() {
		ApiClient http = new ApiClient(port);
		Response unknown = http.get("/ingenstans/");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).isEqualTo(http.get("/ingenstans-alls.txt").body().replace("ingenstans-alls.txt", "ingenstans/"));
		assertThat(http.get("/ingenstans/uppfoljning").status()).isEqualTo(404);
		assertThat(http.get("/api/uppfoljning").status()).isEqualTo(404);
		assertThat(http.get("/js/").status()).isEqualTo(404);
		assertThat(http.get("/swagger-ui/index.html").status()).as("static files stay theirs").isEqualTo(200);

		Response bare = http.get("/testby?omrade=hamnen");
		assertThat(bare.status()).isEqualTo(301);
		assertThat(bare.header("Location")).isEqualTo("/testby/?omrade=hamnen");
		assertThat(http.get("/testby/om").status()).isEqualTo(200);
		assertThat(http.get("/testby/vandring?id=1").status()).isEqualTo(200);
		assertThat(http.get("/sverige").status()).isEqualTo(200);
	}

}
