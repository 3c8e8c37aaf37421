package se.trygghetskartan.ui;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start page leads everywhere (#12): a resident who only follows links from {@code /} finds every
 * promise's commitments, and the links are links (open in a new tab, copy), not buttons.
 */
@IntegrationTest
class SiteLinksIT extends BrowserTest {

	/** The demo's commitments (db/demo/promises.json), by their text, with the ids the API gives them. */
	Map<Long, String> demoCommitments() throws Exception {
		JsonNode demo = JsonMapper.builder().build().readTree(Files.readString(Path.of("db/demo/promises.json")));
		Set<String> texts = new HashSet<>();
		demo.forEach(promise -> promise.get("commitments").forEach(c -> texts.add(c.get("text").stringValue())));
		ApiClient anonymous = new ApiClient(port);
		Map<Long, String> commitments = new TreeMap<>();
		for (JsonNode period : anonymous.get("/api/periods").json()) {
			for (JsonNode promise : anonymous.get("/api/periods/" + period.get("period").stringValue()).json().get("promises")) {
				for (JsonNode commitment : promise.get("commitments")) {
					if (texts.contains(commitment.get("text").stringValue())) {
						commitments.put(commitment.get("id").longValue(), commitment.get("text").stringValue());
					}
				}
			}
		}
		assertThat(commitments).as("the demo's commitments of 2021 and 2022–2023").hasSize(14).hasSameSizeAs(texts);
		return commitments;
	}

	/** What one rendered page offers: the same-origin pages it links, and the commitments it shows. */
	record Page(List<String> links, List<String> commitments) {
	}

	/**
	 * Opens a page and reads it once it is rendered: loaded, nothing saying "Laddar…", a heading, and
	 * as many links as half a second before (the pages fill in from the API after they load).
	 */
	@SuppressWarnings("unchecked")
	Page read(String path) {
		browser.open(path);
		browser.waitFor(driver -> Boolean.TRUE.equals(browser.script("""
				if (document.readyState !== 'complete') return false;
				const loading = [...document.querySelectorAll('[role=status]')]
				  .some((e) => e.id !== 'announcer' && /Laddar|Loading/.test(e.textContent));
				const links = document.querySelectorAll('a[href]').length;
				const stable = window.__crawlLinks === links;
				window.__crawlLinks = links;
				return !loading && stable && document.querySelector('h1, #panel-title') !== null;""")));
		Map<String, List<String>> found = (Map<String, List<String>>) browser.script("""
				return {
				  links: [...document.querySelectorAll('a[href]')].filter((a) => !a.hasAttribute('download'))
				    .map((a) => a.href),
				  commitments: [...document.querySelectorAll('[id^="commitment-"]')]
				    .filter((e) => e.getClientRects().length > 0).map((e) => e.id),
				};""");
		return new Page(found.get("links"), found.get("commitments"));
	}

	/** A link as a page to visit (path and query, no fragment), or null when it leaves the site or is no page. */
	String pageOf(String href) {
		URI uri = URI.create(href);
		String path = uri.getRawPath();
		if (!"localhost".equals(uri.getHost()) || uri.getPort() != port || path.startsWith("/api/")
				|| path.startsWith("/oauth2/") || path.equals("/logout")) {
			return null;
		}
		return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	/**
	 * Breadth-first from the start page over the links each rendered page holds, at most {@code depth}
	 * clicks away, until every commitment wanted has been shown: for each commitment shown, the first
	 * page it was on and how many clicks from the start page that is.
	 */
	Map<String, String> crawl(int depth, Set<String> wanted) {
		Map<String, Integer> seen = new LinkedHashMap<>();
		Map<String, String> shownOn = new TreeMap<>();
		Queue<String> queue = new ArrayDeque<>();
		seen.put("/", 0);
		queue.add("/");
		while (!queue.isEmpty() && !shownOn.keySet().containsAll(wanted)) {
			String path = queue.remove();
			int clicks = seen.get(path);
			Page page = read(path);
			page.commitments().forEach(id -> shownOn.putIfAbsent(id, path + " (" + clicks + " clicks)"));
			if (clicks < depth) {
				for (String href : page.links()) {
					String next = pageOf(href);
					if (next != null && !seen.containsKey(next)) {
						seen.put(next, clicks + 1);
						queue.add(next);
					}
				}
			}
		}
		return shownOn;
	}

	/**
	 * Two clicks: the header's link to the follow-up, then the period's own link. Before, the other
	 * period's commitments were three clicks away, and only by the detour of a measure that happened
	 * to keep a commitment of that period too.
	 */
	@Test
	void everyCommitmentOfBothPeriodsIsAtMostTwoLinksFromTheStartPage() throws Exception {
		Set<String> wanted = new TreeSet<>();
		demoCommitments().keySet().forEach(id -> wanted.add("commitment-" + id));

		Map<String, String> shownOn = crawl(2, wanted);

		assertThat(shownOn.keySet()).as("commitments shown on pages at most two links from /: %s", shownOn)
			.containsAll(wanted);
	}

	/** The header's main menu: its links by address, and which of them is marked as the page one is on. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> mainMenu(Browser browser) {
		browser.visible(By.cssSelector("header nav.topnav a"));
		return (Map<String, Object>) browser.script("""
				const nav = document.querySelector('header nav.topnav');
				const links = [...nav.querySelectorAll('a')];
				return {
				  label: nav.getAttribute('aria-label'),
				  hrefs: links.map((a) => a.getAttribute('href')),
				  current: links.filter((a) => a.getAttribute('aria-current') === 'page').map((a) => a.getAttribute('href')),
				  landmarks: document.querySelectorAll('header, main').length,
				};""");
	}

	@Test
	void everyPublicPageHeaderLinksTheMapThePromisesAndTheAboutPageAndMarksTheOneItIs() {
		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put("/", List.of("/"));
		pages.put("/uppfoljning", List.of("/uppfoljning"));
		pages.put("/om", List.of("/om"));
		pages.put("/vandring?id=2", List.of());
		pages.put("/login", List.of());
		for (Map.Entry<String, List<String>> page : pages.entrySet()) {
			browser.open(page.getKey());
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".brand-place"),
					"Katrineholm"));

			Map<String, Object> menu = mainMenu(browser);

			assertThat(menu.get("hrefs")).as(page.getKey()).isEqualTo(List.of("/", "/uppfoljning", "/om", "/sverige"));
			assertThat(menu.get("current")).as(page.getKey()).isEqualTo(page.getValue());
			assertThat(menu.get("label")).as(page.getKey()).isEqualTo("Huvudmeny");
			assertThat(((Number) menu.get("landmarks")).intValue()).as(page.getKey()).isEqualTo(2);
			assertThat(browser.seriousAccessibilityViolations()).as(page.getKey()).isEmpty();
		}
		browser.clickable(By.id("language")).click();
		assertThat(browser.texts(By.cssSelector("header nav.topnav a"))).containsExactly("Map", "Citizen promises", "About",
				"All municipalities");
		browser.clickable(By.id("language")).click();
		assertThat(browser.texts(By.cssSelector("header nav.topnav a"))).containsExactly("Kartan", "Medborgarlöften",
				"Om tjänsten", "Alla kommuner");

		try (Browser staff = new Browser(port)) {
			staff.logIn("planner");
			staff.open("/konto");
			staff.visible(By.id("password-heading"));
			assertThat(mainMenu(staff).get("hrefs")).isEqualTo(List.of("/", "/uppfoljning", "/om", "/sverige"));
			assertThat(staff.seriousAccessibilityViolations()).isEmpty();
		}
	}

	@Test
	void aDistrictOnTheStartPageIsALinkThatOpensInPlaceOnAClickAndInANewTabWithControl() {
		browser.open("/");
		browser.headingIs("Stadsdelar");
		WebElement navertorp = browser.clickable(By.cssSelector("a[data-district='navertorp']"));
		assertThat(navertorp.getAttribute("href")).isEqualTo("http://localhost:" + port + "/?omrade=navertorp");
		browser.script("window.notReloaded = true");

		navertorp.click();

		browser.headingIs("Nävertorp");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/?omrade=navertorp");
		assertThat(browser.script("return window.notReloaded === true")).as("the page was not loaded again").isEqualTo(true);
		assertThat(browser.script("return document.activeElement.id")).isEqualTo("panel-title");
		browser.driver.navigate().back();
		browser.headingIs("Stadsdelar");
		assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);

		String home = browser.driver.getWindowHandle();
		new Actions(browser.driver).keyDown(Keys.CONTROL)
			.click(browser.clickable(By.cssSelector("a[data-district='centrum']")))
			.keyUp(Keys.CONTROL)
			.perform();
		browser.waitFor(driver -> driver.getWindowHandles().size() == 2);
		assertThat(browser.heading()).as("a click with Control leaves this tab as it was").isEqualTo("Stadsdelar");
		String tab = browser.driver.getWindowHandles().stream().filter(handle -> !handle.equals(home)).findFirst()
			.orElseThrow();
		browser.driver.switchTo().window(tab);
		browser.headingIs("Centrum");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/?omrade=centrum");
		browser.driver.close();
		browser.driver.switchTo().window(home);
	}

	@Test
	void theFollowUpsPeriodAndDistrictChoicesArePlainLinksToEachPage() {
		browser.open("/uppfoljning?period=2022-2023&omrade=navertorp");
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("followup-title"), "2022–2023 · Nävertorp"));

		Map<String, String> periods = links("period-chooser");
		Map<String, String> districts = links("district-chooser");

		assertThat(periods).containsEntry("2021", "/uppfoljning?period=2021&omrade=navertorp")
			.containsEntry("2022–2023 (aktuell)", "/uppfoljning?period=2022-2023&omrade=navertorp");
		assertThat(districts).containsEntry("Alla stadsdelar", "/uppfoljning?period=2022-2023")
			.containsEntry("Centrum", "/uppfoljning?period=2022-2023&omrade=centrum")
			.containsEntry("Norr", "/uppfoljning?period=2022-2023&omrade=norr")
			.containsEntry("Nävertorp (aktuell)", "/uppfoljning?period=2022-2023&omrade=navertorp");
		assertThat(browser.driver.findElements(By.cssSelector("main select"))).as("no chooser needs a script").isEmpty();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.clickable(By.xpath("//nav[@aria-labelledby='period-chooser']//a[text()='2021']")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("followup-title"), "2021 · Nävertorp"));
		assertThat(links("period-chooser")).containsEntry("2021 (aktuell)", "/uppfoljning?period=2021&omrade=navertorp");
	}

	/** A chooser's links: text (with "(aktuell)" after the one marked as the current page) to href. */
	@SuppressWarnings("unchecked")
	Map<String, String> links(String chooser) {
		return (Map<String, String>) browser.script("""
				const links = document.querySelectorAll(`nav[aria-labelledby='${arguments[0]}'] a`);
				return Object.fromEntries([...links].map((a) => [
				  a.textContent + (a.getAttribute('aria-current') === 'page' ? ' (aktuell)' : ''), a.getAttribute('href')]));""",
				chooser);
	}

}
