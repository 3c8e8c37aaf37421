package se.trygghetskartan.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;

/**
 * Another form than RFC 9457 for the problems of the paths a standard owns (Open311's errors): a bean
 * that answers for a request is asked to write every problem answered outside Spring MVC there (a
 * body over its limit, a path the firewall refuses), by {@link ProblemResponses#write}.
 */
public interface ProblemFormat {

	/** Whether this form is the request's. */
	boolean answers(HttpServletRequest request);

	/** Writes the problem, its words already in {@code locale}, with its status. */
	void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, Locale locale)
			throws IOException;

}
