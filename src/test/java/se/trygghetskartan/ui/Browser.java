package se.trygghetskartan.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (nothing is downloaded), with
 * the browser console recorded so tests can check it stays free of errors.
 */
final class Browser implements AutoCloseable {

	private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

	final ChromeDriver driver;

	private final String base;

	Browser(int port) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--lang=sv-SE", "--window-size=1280,900");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new java.io.File(CHROMEDRIVER))
			.build();
		this.driver = new ChromeDriver(service, options);
		this.base = "http://localhost:" + port;
	}

	void open(String path) {
		driver.get(base + path);
	}

	void phoneSized() {
		driver.manage().window().setSize(new Dimension(390, 844));
	}

	<T> T waitFor(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
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

	String heading() {
		return driver.findElement(By.id("panel-title")).getText();
	}

	List<String> texts(By by) {
		return driver.findElements(by).stream().map(WebElement::getText).toList();
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

	@Override
	public void close() {
		driver.quit();
	}

}
