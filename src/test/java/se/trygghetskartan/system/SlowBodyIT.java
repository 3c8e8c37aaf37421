package se.trygghetskartan.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestIncidentSources;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their body a byte at a time (or stop sending) over a real socket: the server
 * answers and hangs up within the body deadline (20 s) plus one read (5 s), whatever the body is for.
 * The slow clients run side by side, so the class takes about as long as one of them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowBodyIT {

	static final Duration LIMIT = Duration.ofSeconds(25);

	static final String NAME = "Långsam kropp";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final ExecutorService clients = Executors.newCachedThreadPool();

	CompletableFuture<Trickle> login;

	CompletableFuture<Trickle> feature;

	CompletableFuture<Trickle> refused;

	CompletableFuture<Trickle> incidents;

	CompletableFuture<Trickle> silent;

	@BeforeAll
	void sendSlowly() {
		TestIncidentSources.ensure(new ApiClient(port).as("planner", "planner"), "slow-body");
		login = trickle("POST /login", null, "application/x-www-form-urlencoded",
				"username=planner&password=planner&_csrf=x", Duration.ofSeconds(2));
		feature = trickle("POST /api/places", "planner", "application/geo+json", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2065,58.9960]},
				 "properties":{"name":"%s","reasons":["other"],"source":"other"}}""".formatted(NAME),
				Duration.ofSeconds(2));
		refused = trickle("POST /api/places", null, "application/geo+json", "{\"type\":\"Feature\"}",
				Duration.ofSeconds(2));
		incidents = trickle("POST /api/incident-imports?source=slow-body&wait=true", "police", "text/csv",
				"id;occurred_at;category;lon;lat\n1;2024-01-01;other;16.2;58.99\n", Duration.ofSeconds(2));
		silent = trickle("POST /api/places", "planner", "application/geo+json", "{\"type\":\"Feature\"}",
				Duration.ofMinutes(2));
	}

	@AfterAll
	void stop() {
		clients.shutdownNow();
	}

	@Test
	void aLoginFormSentByteByByteIsAnswered408WithinTheLimit() {
		Trickle result = login.join();

		assertThat(result.status()).as(result.answer()).isEqualTo(408);
		assertThat(result.answer()).contains("application/problem+json");
		assertThat(result.closedAfter()).isLessThan(LIMIT);
	}

	@Test
	void aFeatureSentByteByByteIsAnswered408WithinTheLimitAndNotStored() {
		Trickle result = feature.join();

		assertThat(result.status()).as(result.answer()).isEqualTo(408);
		assertThat(result.answer()).contains("application/problem+json");
		assertThat(result.closedAfter()).isLessThan(LIMIT);
		assertThat(jdbc.sql("SELECT count(*) FROM unsafe_place WHERE name = :name")
			.param("name", NAME)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aBodyNobodyReadsIsAnsweredAtOnceAndNotWaitedForBeyondTheLimit() {
		Trickle result = refused.join();

		assertThat(result.status()).as(result.answer()).isEqualTo(401);
		assertThat(result.answeredAfter()).isLessThan(Duration.ofSeconds(3));
		assertThat(result.closedAfter()).isLessThan(LIMIT);
	}

	@Test
	void anIncidentFileSentFarBelowTheMinimumRateIsCutOffWithinTheLimit() {
		Trickle result = incidents.join();

		assertThat(result.status()).as(result.answer()).isEqualTo(408);
		assertThat(result.closedAfter()).isLessThan(LIMIT);
	}

	@Test
	void aClientThatStopsSendingIsDroppedAfterOneReadTimeout() {
		Trickle result = silent.join();

		assertThat(result.status()).as(result.answer()).isEqualTo(408);
		assertThat(result.closedAfter()).as(result.toString()).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aBodyReadInFullLeavesTheConnectionOpenForTheNextRequest() throws IOException {
		String body = "{\"type\":\"Feature\"}";
		String requests = "POST /api/places HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
				+ Base64.getEncoder().encodeToString("planner:planner".getBytes(StandardCharsets.UTF_8))
				+ "\r\nContent-Type: application/geo+json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
				+ "GET /api/neighbourhoods HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
			String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

			assertThat(answers).startsWith("HTTP/1.1 422").contains("HTTP/1.1 200");
		}
	}

	private CompletableFuture<Trickle> trickle(String requestLine, String user, String contentType, String body,
			Duration pause) {
		StringBuilder head = new StringBuilder(requestLine + " HTTP/1.1\r\nHost: localhost\r\n");
		if (user != null) {
			head.append("Authorization: Basic ")
				.append(Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
				.append("\r\n");
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(bytes.length);
		head.append("\r\n\r\n");
		return CompletableFuture.supplyAsync(() -> Trickle.send(port, head.toString(), bytes, pause), clients);
	}

	/**
	 * One slow client: the head at once, then the body one byte per pause (never all of it within a
	 * minute), reading the answer meanwhile, until the server hangs up or a minute has passed.
	 */
	record Trickle(String answer, Duration answeredAfter, Duration closedAfter) {

		static Trickle send(int port, String head, byte[] body, Duration pause) {
			long start = System.nanoTime();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			Duration answered = null;
			try (Socket socket = new Socket("localhost", port)) {
				socket.setSoTimeout(100);
				OutputStream out = socket.getOutputStream();
				InputStream in = socket.getInputStream();
				out.write(head.getBytes(StandardCharsets.ISO_8859_1));
				out.write(body[0]);
				out.flush();
				int sent = 1;
				long next = start + pause.toNanos();
				byte[] buffer = new byte[8192];
				while (since(start).compareTo(Duration.ofMinutes(1)) < 0) {
					try {
						int n = in.read(buffer);
						if (n < 0) {
							break;
						}
						answered = answered == null ? since(start) : answered;
						answer.write(buffer, 0, n);
					}
					catch (SocketTimeoutException ex) {
						// nothing from the server yet
					}
					if (System.nanoTime() >= next && sent < body.length - 1) {
						out.write(body[sent++]);
						out.flush();
						next += pause.toNanos();
					}
				}
			}
			catch (IOException ex) {
				// the server hung up (a reset while we were still sending)
			}
			return new Trickle(answer.toString(StandardCharsets.UTF_8), answered, since(start));
		}

		int status() {
			return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : 0;
		}

		private static Duration since(long start) {
			return Duration.ofNanos(System.nanoTime() - start);
		}

	}

}
