package se.trygghetskartan.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failures that are the database's, not the request's: it cannot be reached (stopped, restarting,
 * out of connections), or a statement ran past its timeout. Both are answered 503 with Retry-After,
 * wherever they surface (a controller, the login's account lookup, a filter), and logged as one
 * line without a stack trace, at most one line every few seconds while they last: an outage must
 * not bury the log under a stack trace per request.
 */
@Component
public class DatabaseFailures {

	/** What went wrong: the database cannot be reached, or a statement took too long. */
	enum Kind {

		UNAVAILABLE, TIMEOUT

	}

	private static final Logger log = LoggerFactory.getLogger(DatabaseFailures.class);

	private static final long LOG_INTERVAL_MILLIS = 5_000;

	private final Duration retryAfter;

	private final AtomicLong lastLogged = new AtomicLong();

	private final AtomicInteger unlogged = new AtomicInteger();

	DatabaseFailures(@Value("${trygghetskartan.db.retry-after:10s}") Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	/** Whether the database, not the request, is why ex was thrown (unreachable or too slow). */
	public static boolean isCause(Throwable ex) {
		return kind(ex) != null;
	}

	/** Whether ex says the database cannot be reached (as opposed to a statement that took too long). */
	public static boolean isOutage(Throwable ex) {
		return kind(ex) == Kind.UNAVAILABLE;
	}

	/**
	 * The kind of database failure behind ex, or null when it is something else. Getting a
	 * connection failed, whatever the reason: unavailable. Else PostgreSQL's SQLSTATE decides:
	 * 08 (connection exception), 57P01–57P03 (shutting down, crashed, starting) and 53 (out of
	 * resources, e.g. too many connections) are an outage, 57014 a cancelled statement (its
	 * timeout). Without a SQLSTATE, Spring's and JPA's translated exceptions decide.
	 */
	static Kind kind(Throwable ex) {
		String state = null;
		boolean timeoutType = false;
		boolean resourceType = false;
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof JDBCConnectionException) {
				return Kind.UNAVAILABLE;
			}
			if (cause instanceof SQLException sql && closedByThePool(sql)) {
				return Kind.UNAVAILABLE;
			}
			if (state == null && cause instanceof SQLException sql && sql.getSQLState() != null) {
				state = sql.getSQLState();
			}
			timeoutType |= cause instanceof QueryTimeoutException
					|| cause instanceof jakarta.persistence.QueryTimeoutException;
			resourceType |= cause instanceof DataAccessResourceFailureException;
		}
		if (state != null) {
			if (state.equals("57014")) {
				return Kind.TIMEOUT;
			}
			boolean outage = state.startsWith("08") || state.startsWith("53") || state.equals("57P01")
					|| state.equals("57P02") || state.equals("57P03");
			return outage ? Kind.UNAVAILABLE : null;
		}
		return timeoutType ? Kind.TIMEOUT : resourceType ? Kind.UNAVAILABLE : null;
	}

	/**
	 * Hikari closes a connection as soon as it breaks (the server went away under a request); the
	 * request's transaction then fails to roll back with this, and Spring reports that instead of
	 * what broke the connection.
	 */
	private static boolean closedByThePool(SQLException ex) {
		StackTraceElement[] stack = ex.getStackTrace();
		return ex.getSQLState() == null && "Connection is closed".equals(ex.getMessage()) && stack.length > 0
				&& stack[0].getClassName().startsWith("com.zaxxer.hikari.");
	}

	/** The 503 problem when the database is behind ex (logged, rate-limited), else null. */
	ProblemDetail problem(HttpServletRequest request, Throwable ex) {
		Kind kind = kind(ex);
		if (kind == null) {
			return null;
		}
		logged(request, kind, ex);
		return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
				kind == Kind.TIMEOUT ? RequestError.DATABASE_TIMEOUT : RequestError.DATABASE_UNAVAILABLE);
	}

	/** The answer for Spring MVC's exception handlers, or null when ex is not the database's. */
	public ResponseEntity<Object> answer(HttpServletRequest request, Throwable ex) {
		ProblemDetail problem = problem(request, ex);
		return problem == null ? null
				: ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
					.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()))
					.body(problem);
	}

	/** Writes the 503 answer outside Spring MVC; false when ex is not the database's or it is too late. */
	boolean answer(HttpServletRequest request, HttpServletResponse response, Throwable ex) throws IOException {
		ProblemDetail problem = response.isCommitted() ? null : problem(request, ex);
		if (problem == null) {
			return false;
		}
		response.resetBuffer();
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
		if (isPage(request)) {
			// A page asked for with a session cookie: the session store is the database. A page that
			// says so and tries again, not JSON in the browser window.
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, Messages.SWEDISH.toLanguageTag());
			response.getOutputStream()
				.write(UNAVAILABLE_PAGE.formatted(retryAfter.toSeconds()).getBytes(StandardCharsets.UTF_8));
			return true;
		}
		ProblemResponses.write(request, response, problem);
		return true;
	}

	// A browser navigating (a page, or the login form sent without scripts), not a script's call.
	private static boolean isPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
				&& !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static final String UNAVAILABLE_PAGE = """
			<!doctype html>
			<html lang="sv">
			<head>
			  <meta charset="utf-8">
			  <meta name="viewport" content="width=device-width, initial-scale=1">
			  <meta http-equiv="refresh" content="%d">
			  <title>Tillfälligt otillgänglig – Trygghetskartan</title>
			  <link rel="stylesheet" href="/css/base.css">
			</head>
			<body>
			  <main class="narrow">
			    <h1>Tillfälligt otillgänglig</h1>
			    <p class="error" role="alert">Uppgifterna är tillfälligt otillgängliga. Sidan försöker igen av sig själv om en stund.</p>
			    <p lang="en">The data is temporarily unavailable. The page will try again by itself shortly.</p>
			  </main>
			</body>
			</html>
			""";

	private void logged(HttpServletRequest request, Kind kind, Throwable ex) {
		long now = System.currentTimeMillis();
		long last = lastLogged.get();
		if (now - last < LOG_INTERVAL_MILLIS || !lastLogged.compareAndSet(last, now)) {
			unlogged.incrementAndGet();
			return;
		}
		int others = unlogged.getAndSet(0);
		log.warn("{} {} answered 503, the database {}: {}{}", request.getMethod(), request.getRequestURI(),
				kind == Kind.TIMEOUT ? "took too long" : "is unavailable",
				// PostgreSQL's or the pool's own words, without the SQL or the detail lines.
				ProblemHandler.firstLine(ProblemHandler.rootMessage(ex)),
				others == 0 ? "" : " (and " + others + " more such answers since the last line)");
	}

	/**
	 * Database failures thrown outside Spring MVC: the account lookup of a login or of HTTP Basic
	 * (the security handlers pass them on rather than answering 401), a session store. Inside the
	 * body limits' filter, so a body that broke a limit is still answered by that filter.
	 */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	static class Filter extends OncePerRequestFilter {

		private final DatabaseFailures failures;

		Filter(DatabaseFailures failures) {
			this.failures = failures;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				if (!failures.answer(request, response, ex)) {
					throw ex;
				}
			}
		}

	}

}
