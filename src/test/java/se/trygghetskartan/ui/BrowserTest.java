package se.trygghetskartan.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser journey through the app: one headless Chromium for all the tests of the class, closed
 * after them. A subclass is an {@code IntegrationTest}; its own {@code @BeforeAll} runs after the
 * browser has started (to log in, say).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void startBrowser() {
		browser = new Browser(port);
	}

	@AfterAll
	void closeBrowser() {
		browser.close();
	}

}
