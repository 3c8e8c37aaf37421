package se.trygghetskartan.system;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatabaseFailuresTests {

	static SQLException postgres(String state) {
		return new SQLException("ERROR: something", state);
	}

	@Test
	void aConnectionThatCannotBeHadIsAnOutageWhereverItIsWrapped() {
		CannotGetJdbcConnectionException pool = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001"));

		assertThat(DatabaseFailures.kind(pool)).isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
		assertThat(DatabaseFailures.isOutage(new InternalAuthenticationServiceException("lookup", pool))).isTrue();
	}

	/**
	 * A request in flight when the database goes: Hikari closes the broken connection, and the
	 * rollback that follows fails on it; Spring reports that failure, not the one before it.
	 */
	@Test
	void aRollbackOnAConnectionThePoolClosedIsAnOutage() throws Exception {
		Field closed = Class.forName("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection")
			.getDeclaredField("CLOSED_CONNECTION");
		closed.setAccessible(true);
		SQLException rollback = catchThrowableOfType(SQLException.class, ((Connection) closed.get(null))::rollback);

		assertThat(DatabaseFailures.kind(new JpaSystemException(new RuntimeException("Unable to rollback", rollback))))
			.isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
		assertThat(DatabaseFailures.isCause(new SQLException("Connection is closed"))).as("not the pool's").isFalse();
	}

	@Test
	void postgresqlsStateDecides() {
		assertThat(DatabaseFailures.kind(new DataAccessResourceFailureException("x", postgres("57P01"))))
			.as("terminating connection due to administrator command").isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
		assertThat(DatabaseFailures.kind(postgres("08006"))).isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
		assertThat(DatabaseFailures.kind(postgres("53300"))).as("too many connections")
			.isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
		assertThat(DatabaseFailures.kind(new QueryTimeoutException("x", postgres("57014"))))
			.isEqualTo(DatabaseFailures.Kind.TIMEOUT);
		// A program limit is the request's doing, though Spring calls it a resource failure.
		assertThat(DatabaseFailures.kind(new DataAccessResourceFailureException("x", postgres("54001")))).isNull();
	}

	@Test
	void theRequestsOwnFailuresAreNotTheDatabases() {
		assertThat(DatabaseFailures.isCause(new DataIntegrityViolationException("x", postgres("23505")))).isFalse();
		assertThat(DatabaseFailures.isCause(new IllegalStateException("x"))).isFalse();
		assertThat(DatabaseFailures.isCause(null)).isFalse();
	}

}
