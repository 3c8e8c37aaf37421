package se.trygghetskartan;

import org.junit.jupiter.api.BeforeEach;
import se.trygghetskartan.ApiClient.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What most integration tests over the API start from: the app's port, a client for anyone and one
 * for the demo planner (made anew for each test), and the database. A subclass is an
 * {@link IntegrationTest} and adds the clients and data of its own.
 */
public abstract class ApiTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected ApiClient anonymous;

	protected ApiClient planner;

	@BeforeEach
	void apiClients() {
		anonymous = new ApiClient(port);
		planner = anonymous.as("planner", "planner");
	}

	/** The id of what the request created; the test fails unless it answered 201 Created. */
	protected static long created(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").longValue();
	}

}
