package se.trygghetskartan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A tile server on loopback, one per test JVM, so that browser tests load real background tiles
 * over HTTP from another origin, as OpenStreetMap's would be, without the internet. Every tile is
 * the same plain 256 × 256 PNG.
 */
public final class TestTiles {

	private static final AtomicInteger served = new AtomicInteger();

	private static String url;

	/** While set, requests wait on it unanswered. */
	private static volatile CountDownLatch silence;

	private TestTiles() {
	}

	/** The tile URL template, {z}/{x}/{y}. */
	public static synchronized String url() {
		if (url == null) {
			url = start();
		}
		return url;
	}

	/** How many tiles the server has answered so far. */
	public static int served() {
		return served.get();
	}

	/**
	 * Until closed, the server takes requests and never answers them, as a tile server behind a
	 * firewall that drops its packets would look to a browser.
	 */
	public static AutoCloseable silenced() {
		url();
		CountDownLatch latch = new CountDownLatch(1);
		silence = latch;
		return () -> {
			silence = null;
			latch.countDown();
		};
	}

	private static String start() {
		byte[] tile = tile();
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", exchange -> {
				CountDownLatch wait = silence;
				if (wait != null) {
					try {
						wait.await(2, TimeUnit.MINUTES);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				exchange.getResponseHeaders().set("Content-Type", "image/png");
				exchange.sendResponseHeaders(200, tile.length);
				exchange.getResponseBody().write(tile);
				exchange.close();
				served.incrementAndGet();
			});
			server.setExecutor(Executors.newCachedThreadPool(runnable -> {
				Thread thread = new Thread(runnable, "test-tiles");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the test tile server", ex);
		}
	}

	private static byte[] tile() {
		BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0xf2efe9));
		graphics.fillRect(0, 0, 256, 256);
		graphics.setColor(new Color(0xd8d2c4));
		graphics.drawRect(0, 0, 255, 255);
		graphics.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	/**
	 * Offers the server's URL as {@code test.tiles.url}, at the lowest precedence, so that a test
	 * class can still point the map elsewhere with {@code @DynamicPropertySource}.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("testTiles", Map.of("test.tiles.url", url())));
		}

	}

}
