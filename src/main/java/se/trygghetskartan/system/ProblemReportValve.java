package se.trygghetskartan.system;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletContext;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Tomcat's error report as problem+json, for errors the app never saw (Tomcat creates it by name). */
public class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		// The same conditions as ErrorReportValve: an error status, nothing written yet, not reported.
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		// A body over its limits (RequestBodyLimitFilter) may have met Tomcat's read timeout first,
		// which Tomcat answers 400; it is 408, and the rest of such a body is not waited for.
		ProblemDetail bodyLimit = ProblemResponses.bodyLimit(throwable);
		try {
			ProblemResponses.write(servletContext(), request, response,
					bodyLimit != null ? bodyLimit : problem(request, response.getStatus()));
			response.finishResponse();
			if (bodyLimit != null) {
				response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, throwable);
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone; there is no one to tell
		}
	}

	private static ProblemDetail problem(Request request, int status) {
		String uri = request.getRequestURI();
		if (status == 400 && uri != null && uri.toLowerCase().contains("%00")) {
			return ProblemResponses.problem(InvalidRequestException.parameter("path", RequestError.NUL_CHARACTER));
		}
		HttpStatus known = HttpStatus.resolve(status);
		return status == 400 ? ProblemResponses.problem(HttpStatus.BAD_REQUEST, RequestError.MALFORMED_REQUEST)
				: ProblemResponses.problem(known == null ? HttpStatus.BAD_REQUEST : known, RequestError.HTTP_ERROR,
						"status", status);
	}

	// The app's, whose messages say it in the request's language: the request may have reached none.
	private ServletContext servletContext() {
		for (Container child : getContainer().findChildren()) {
			if (child instanceof Context context) {
				return context.getServletContext();
			}
		}
		return null;
	}

}
