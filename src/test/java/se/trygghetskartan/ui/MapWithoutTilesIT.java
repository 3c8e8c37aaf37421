package se.trygghetskartan.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map journeys when the tile server refuses connections (a municipal network that blocks it, an
 * outage, no internet): the map gives up on its background, says so in one line and works on. An
 * admin points the settings at the refusing server, as one could by mistake, and back afterwards.
 */
@IntegrationTest
class MapWithoutTilesIT extends MapJourneys {

	/** A loopback port that was free a moment ago: nothing listens there, so connections are refused. */
	static final String REFUSED = "127.0.0.1:" + closedPort();

	private String tileUrl;

	@BeforeEach
	void tilesThatRefuseConnections() {
		tileUrl = setTileUrl("http://" + REFUSED + "/{z}/{x}/{y}.png");
	}

	@AfterEach
	void tilesAsBefore() {
		setTileUrl(tileUrl);
	}

	/** Sets the tile URL as an admin would, and gives the one it replaced. */
	private String setTileUrl(String url) {
		ApiClient admin = new ApiClient(port).as("admin", "admin");
		Response config = admin.get("/api/config");
		ObjectNode settings = (ObjectNode) config.json();
		String before = settings.get("tileUrl").stringValue();
		settings.put("tileUrl", url);
		Response stored = admin.put("/api/config", settings.toString(), config.header("ETag"), "application/json");
		assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
		return before;
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits until the map has asked for tiles, had them all refused and removed its tile layer. */
	@Override
	void awaitBackground(String map) {
		browser.waitFor(driver -> Boolean.TRUE.equals(browser.script("""
				const pane = document.querySelector(arguments[0] + ' .leaflet-tile-pane');
				return pane !== null && pane.children.length === 0;""", map)));
	}

	@Override
	void assertBackgroundNotice(String map, String language) {
		String notice = browser.visible(By.cssSelector(map + " .map-notice")).getText();
		assertThat(notice).isEqualTo("sv".equals(language) ? NO_BACKGROUND_SV : NO_BACKGROUND_EN);
	}

	@Override
	List<String> unexpectedConsoleErrors() {
		return browser.consoleErrors().stream().filter(error -> !error.contains(REFUSED)).toList();
	}

}
