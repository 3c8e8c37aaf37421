package se.trygghetskartan.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (nothing is downloaded), with
 * the browser console recorded so tests can check it stays free of errors.
 */
final class Browser implements AutoCloseable {

	private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

	/**
	 * The longest a single command may take. A tab whose script never returns blocks the command
	 * that triggered it; the test then fails after this instead of waiting for minutes.
	 */
	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

	final ChromeDriver driver;

	private final String base;

	private final Path profile;

	private final ChromeDriverService service;

	Browser(int port) {
		try {
			this.profile = Files.createTempDirectory("trygghetskartan-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--lang=sv-SE", "--window-size=1280,900", "--user-data-dir=" + profile);
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		this.service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new java.io.File(CHROMEDRIVER))
			.build();
		this.driver = new ChromeDriver(service, options, ClientConfig.defaultConfig().readTimeout(COMMAND_TIMEOUT));
		this.base = "http://localhost:" + port;
	}

	void open(String path) {
		driver.get(base + path);
	}

	/** Signs in on the login page with a demo account (password = username), landing on /planering. */
	void logIn(String user) {
		open("/planering");
		if (driver.getCurrentUrl().contains("/login")) {
			submitLogin(user, user);
			waitFor(ExpectedConditions.urlContains("/planering"));
		}
	}

	/** Chrome DevTools' slow phone: 4× CPU slowdown, 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips. */
	void slowPhone() {
		driver.executeCdpCommand("Network.enable", Map.of());
		driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
				"downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
		driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
	}

	/** When a page became usable (ms from the start of navigation) and how many bytes of ours it transferred. */
	record Visit(double usableMillis, long transferredBytes) {
	}

	/**
	 * Opens a page and notes the moment an element matching {@code usable} first appears in it, and
	 * the bytes the visit transferred from the app (the page and every resource of its own origin,
	 * counted once the network has been quiet for a second).
	 */
	Visit visit(String path, String usable) {
		String watch = """
				(() => {
				  const check = () => {
				    if (window.__usable === undefined && document.querySelector(%s)) window.__usable = performance.now();
				  };
				  new MutationObserver(check).observe(document, { childList: true, subtree: true });
				})();""".formatted(toJsString(usable));
		Object id = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", watch))
			.get("identifier");
		try {
			open(path);
			new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(100))
				.until(d -> script("return window.__usable !== undefined"));
			long resources = -1;
			long quietSince = System.nanoTime();
			while (System.nanoTime() - quietSince < 1_000_000_000L) {
				long now = ((Number) script("return performance.getEntriesByType('resource').length")).longValue();
				if (now != resources) {
					resources = now;
					quietSince = System.nanoTime();
				}
				sleep(100);
			}
			double millis = ((Number) script("return window.__usable")).doubleValue();
			long bytes = ((Number) script("""
					const origin = location.origin;
					const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
					  .filter((e) => e.name.startsWith(origin));
					return entries.reduce((sum, e) => sum + e.transferSize, 0);""")).longValue();
			return new Visit(millis, bytes);
		}
		finally {
			driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
		}
	}

	private static String toJsString(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Fills in and sends the login form of the page shown. */
	void submitLogin(String user, String password) {
		visible(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("#login-form button[type='submit']")).click();
	}

	void phoneSized() {
		driver.manage().window().setSize(new Dimension(390, 844));
	}

	/** Waits for the condition; one that read elements the page was replacing meanwhile is asked again. */
	<T> T waitFor(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	WebElement visible(By by) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
	}

	WebElement clickable(By by) {
		return waitFor(ExpectedConditions.elementToBeClickable(by));
	}

	/** Waits until the panel's heading says this. */
	void headingIs(String text) {
		waitFor(ExpectedConditions.textToBe(By.id("panel-title"), text));
	}

	/**
	 * What the page last told screen readers in its live region (#announcer). It sits off-screen, so
	 * WebDriver's visible text is empty: its text content is what is announced.
	 */
	String announced() {
		return String.valueOf(script("return document.getElementById('announcer').textContent"));
	}

	/** Waits until the live region says something containing this. */
	void announces(String text) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "the announcer says: " + announced())
			.until(d -> announced().contains(text));
	}

	String heading() {
		return driver.findElement(By.id("panel-title")).getText();
	}

	List<String> texts(By by) {
		return driver.findElements(by).stream().map(WebElement::getText).toList();
	}

	/** All the element's text, also what only screen readers get (visually hidden), as the DOM holds it. */
	String textContent(WebElement element) {
		return (String) script("return arguments[0].textContent", element);
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** Console messages at level SEVERE since the last call. */
	List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * The zoom level the Leaflet map in this element shows, read from the scale of its zoom proxy,
	 * which Leaflet sets to 2^(zoom - 1) (the zoom's scale over zoom 1's).
	 */
	double zoomOf(String map) {
		Object scale = script("""
				const m = /scale\\(([^)]+)\\)/.exec(document.querySelector(arguments[0] + ' .leaflet-proxy').style.transform);
				return m ? Number(m[1]) : null;""", map);
		if (scale == null) {
			throw new AssertionError("the map " + map + " shows no zoom");
		}
		return Math.log(((Number) scale).doubleValue()) / Math.log(2) + 1;
	}

	/** Serious and critical WCAG 2.1 A/AA violations axe-core finds on the current page. */
	List<String> seriousAccessibilityViolations() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
		return results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(Browser::describe)
			.toList();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5).toList();
	}

	/**
	 * Clicks, then waits until the page shows its answer; fails when the answer takes longer than
	 * {@code limit} from the click, or the click itself never returns (a hung tab).
	 */
	void clickAndExpect(By target, Duration limit, Function<WebDriver, ?> answer) {
		WebElement element = clickable(target);
		long start = System.nanoTime();
		element.click();
		Duration left = limit.minusNanos(System.nanoTime() - start);
		if (left.isNegative()) {
			throw new AssertionError("The click on " + target + " took " + Duration.ofNanos(System.nanoTime() - start)
					.toMillis() + " ms to return, more than " + limit.toMillis() + " ms");
		}
		new WebDriverWait(driver, left, Duration.ofMillis(50))
			.withMessage(() -> "no answer within " + limit.toMillis() + " ms of the click on " + target
					+ "; the page says: " + driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " "))
			.until(answer);
	}

	/**
	 * Quits. What a hung tab leaves behind (chromedriver gives up on it, and its renderer would spin
	 * on after the tests) is killed: every process the browser had started.
	 */
	@Override
	public void close() {
		String marker = "--user-data-dir=" + profile;
		List<ProcessHandle> processes = ProcessHandle.current()
			.descendants()
			.filter(process -> process.info().commandLine().orElse("").contains(marker))
			.flatMap(browser -> Stream.concat(Stream.of(browser), browser.descendants()))
			.toList();
		try {
			driver.quit();
		}
		catch (RuntimeException ex) {
			service.stop();
		}
		finally {
			processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
			try {
				FileSystemUtils.deleteRecursively(profile);
			}
			catch (IOException ex) {
				// A temporary directory left behind is no reason to fail a test.
			}
		}
	}

}
