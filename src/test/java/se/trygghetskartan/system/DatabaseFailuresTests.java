package se.trygghetskartan.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

import static org.assertj.core.api.Assertions.assertThat;

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
