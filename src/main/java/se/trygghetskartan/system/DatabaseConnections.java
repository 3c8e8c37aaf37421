package se.trygghetskartan.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The app's connections to the database, as every module gets them: each with the statement
 * timeout of whoever uses it, and from a pool that reconnects as soon as the database is back.
 */
@Component
class DatabaseConnections implements BeanPostProcessor {

	// What a timeout left unset means: the database's own statement_timeout (the role's, the
	// database's or postgresql.conf's; none unless someone set one).
	private static final long DATABASE_DEFAULT = -1;

	private final long publicMillis;

	private final long staffMillis;

	DatabaseConnections(Environment environment) {
		Binder binder = Binder.get(environment);
		this.publicMillis = binder.bind("trygghetskartan.db.public-statement-timeout", Duration.class)
			.map(Duration::toMillis)
			.orElse(5_000L);
		this.staffMillis = binder.bind("trygghetskartan.db.staff-statement-timeout", Duration.class)
			.map(Duration::toMillis)
			.orElse(DATABASE_DEFAULT);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari) {
			ConnectionAdders adders = new ConnectionAdders();
			hikari.setThreadFactory(adders);
			return new TimedDataSource(hikari, adders, publicMillis, staffMillis);
		}
		return bean;
	}

	/**
	 * Statement timeouts by who asks. A visitor who is not logged in gets the public one, so that
	 * statements slowed by whatever reason (a lock held by a migration or a long transaction, a huge
	 * query) give their request thread and connection back instead of piling up; PostgreSQL cancels
	 * them (SQLSTATE 57014), which DatabaseFailures answers 503. Set per session with SET, not per
	 * transaction with SET LOCAL: many reads run outside a transaction. Connections remember what
	 * they were set to, so a SET is only sent when the next user needs another value.
	 */
	static final class TimedDataSource extends DelegatingDataSource {

		private final HikariDataSource pool;

		private final ConnectionAdders adders;

		private final long publicMillis;

		private final long staffMillis;

		// What each physical connection was last set to; one not in here is new and has the default.
		private final Map<Connection, Long> applied = Collections.synchronizedMap(new WeakHashMap<>());

		TimedDataSource(HikariDataSource pool, ConnectionAdders adders, long publicMillis, long staffMillis) {
			super(pool);
			this.pool = pool;
			this.adders = adders;
			this.publicMillis = publicMillis;
			this.staffMillis = staffMillis;
		}

		@Override
		public Connection getConnection() throws SQLException {
			HikariPoolMXBean state = pool.getHikariPoolMXBean();
			if (state != null && state.getTotalConnections() == 0) {
				// Nothing in the pool: the database was gone. Try to connect now, not after the backoff.
				adders.wake();
			}
			// Decided before a connection is taken: finding out who asks may itself need one (the
			// session lives in the database), and holding one meanwhile would take two per request.
			long millis = wanted();
			Connection connection;
			try {
				connection = super.getConnection();
			}
			catch (SQLTransientConnectionException ex) {
				adders.wake();
				throw ex;
			}
			try {
				return withTimeout(connection, millis);
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}

		private Connection withTimeout(Connection connection, long millis) throws SQLException {
			Connection physical = connection.unwrap(Connection.class);
			// With auto-commit off the SET would belong to a transaction that may be rolled back, so
			// what it leaves is unknown; Hikari hands out connections with auto-commit on.
			boolean remembered = connection.getAutoCommit();
			Long current = applied.getOrDefault(physical, DATABASE_DEFAULT);
			if (!remembered || current != millis) {
				try (Statement statement = connection.createStatement()) {
					statement.execute(millis == DATABASE_DEFAULT ? "RESET statement_timeout"
							: "SET statement_timeout = " + millis);
				}
				if (remembered) {
					applied.put(physical, millis);
				}
			}
			return connection;
		}

		/**
		 * The public timeout for a request without a login; staff's for staff; the default for
		 * background work. Asking who is logged in may load the session from the database, which
		 * asks for a connection, which lands here again: that inner lookup gets the public timeout.
		 */
		private long wanted() {
			if (RequestContextHolder.getRequestAttributes() == null) {
				return DATABASE_DEFAULT;
			}
			if (deciding.get()) {
				return publicMillis;
			}
			deciding.set(true);
			try {
				Authentication user = SecurityContextHolder.getContext().getAuthentication();
				boolean staff = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
				return staff ? staffMillis : publicMillis;
			}
			finally {
				deciding.remove();
			}
		}

		private final ThreadLocal<Boolean> deciding = ThreadLocal.withInitial(() -> false);

	}

	/**
	 * The pool's threads. Hikari retries a lost database with a backoff that grows to 5 s between
	 * attempts, so after an outage the pool could stay empty for 5 s after the database is back.
	 * When a request finds the pool empty, the adder's backoff sleep is cut short: the next attempt
	 * comes at once, so the first request after the database's return is served.
	 */
	static final class ConnectionAdders implements ThreadFactory {

		private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(() -> {
				try {
					task.run();
				}
				finally {
					threads.remove(Thread.currentThread());
				}
			}, "db-pool-" + count.incrementAndGet());
			thread.setDaemon(true);
			threads.add(thread);
			return thread;
		}

		/**
		 * Interrupts a thread sleeping in the adder's backoff: it gives up that round, and the
		 * waiting request has Hikari start a new one, whose first attempt is immediate. Only that
		 * sleep is interrupted, never a thread that is connecting or closing a connection.
		 */
		int wake() {
			int woken = 0;
			for (Thread thread : threads) {
				if (inBackoff(thread.getStackTrace())) {
					thread.interrupt();
					woken++;
				}
			}
			return woken;
		}

		/**
		 * Thread.sleep, called by Hikari's UtilityElf.quietlySleep, called by its PoolEntryCreator.
		 * Should a later Hikari name these otherwise, nothing is woken and its own backoff applies
		 * (DatabaseConnectionsTests notices).
		 */
		static boolean inBackoff(StackTraceElement[] stack) {
			List<StackTraceElement> top = Arrays.asList(stack).subList(0, Math.min(stack.length, 8));
			return !top.isEmpty() && top.get(0).getClassName().equals(Thread.class.getName())
					&& top.stream().anyMatch(frame -> frame.getMethodName().equals("quietlySleep"))
					&& top.stream().anyMatch(frame -> frame.getClassName().endsWith("$PoolEntryCreator"));
		}

	}

}
