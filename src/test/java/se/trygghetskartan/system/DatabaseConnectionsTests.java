package se.trygghetskartan.system;

import java.net.ServerSocket;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseConnectionsTests {

	/**
	 * The pool's reconnect backoff is found in the Hikari on the classpath: against a port nobody
	 * listens on, its connection adder soon sleeps between attempts, and wake() interrupts it.
	 */
	@Test
	void findsHikarisReconnectBackoffSoItCanBeCutShort() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		DatabaseConnections.ConnectionAdders adders = new DatabaseConnections.ConnectionAdders();
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/nobody");
			pool.setConnectionTimeout(250);
			pool.setInitializationFailTimeout(-1);
			pool.setThreadFactory(adders);
			assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);

			int woken = 0;
			for (long end = System.nanoTime() + 5_000_000_000L; woken == 0 && System.nanoTime() < end;) {
				woken = adders.wake();
				Thread.sleep(5);
			}
			assertThat(woken).isEqualTo(1);
		}
	}

}
