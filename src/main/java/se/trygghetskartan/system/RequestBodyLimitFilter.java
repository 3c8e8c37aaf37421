package se.trygghetskartan.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.ClientAbortException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits what a request body may cost: its size (413) and the time it takes to arrive (408).
 * <p>
 * Tomcat's own timeouts are per read (TomcatConfig.bodyReadTimeout), so a client sending a byte
 * every few seconds would hold a request thread for as long as it likes; here the whole body has a
 * deadline. It holds on every path a body is read by: the app's reads (the wrapped stream and
 * reader), form parameters (which Tomcat would read past any wrapper, so they are read here and
 * served from a buffer), and the rest of a body nobody read (which Tomcat would otherwise "swallow"
 * at the client's pace to keep the connection). Multipart bodies, the one other path, are not
 * accepted at all (application.yml). A request that breaks a limit is answered, and then the
 * connection is closed: the thread is free within the deadline plus one read timeout.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final long importLimit;

	private final long districtImportLimit;

	private final BodyDeadline deadline;

	private final BodyDeadline importDeadline;

	RequestBodyLimitFilter(@Value("${trygghetskartan.api.max-body-size:1MB}") DataSize limit,
			@Value("${trygghetskartan.api.max-import-size:512MB}") DataSize importLimit,
			@Value("${trygghetskartan.api.max-district-import-size:50MB}") DataSize districtImportLimit,
			@Value("${trygghetskartan.api.body-deadline:20s}") Duration deadline,
			@Value("${trygghetskartan.api.import-min-rate:64KB}") DataSize importMinRate) {
		this.limit = limit.toBytes();
		this.importLimit = importLimit.toBytes();
		this.districtImportLimit = districtImportLimit.toBytes();
		this.deadline = BodyDeadline.of(deadline);
		this.importDeadline = new BodyDeadline(deadline, importMinRate.toBytes());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Incident files may hold millions of lines; they are streamed to disk, not read into memory,
		// and may take longer than the deadline as long as they keep coming at a fair rate. So may a
		// municipality's district boundaries, detailed enough to be larger than an ordinary body, and files of
		// places and measures.
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean isDistrictImport = path.equals("/api/neighbourhoods/import");
		boolean isImport = path.startsWith("/api/incident-imports") || path.startsWith("/api/imports/")
				|| isDistrictImport;
		long allowed = isDistrictImport ? districtImportLimit : isImport ? importLimit : limit;
		if (request.getContentLengthLong() > allowed) {
			PayloadTooLargeException tooLarge = new PayloadTooLargeException(allowed);
			ProblemResponses.write(request, response, ProblemResponses.bodyLimit(tooLarge));
			throw hangUp(response, tooLarge);
		}
		LimitedRequest limited = new LimitedRequest(request, allowed, isImport ? importDeadline : deadline);
		try {
			chain.doFilter(limited, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// Thrown outside Spring MVC's handlers: a form read by the security filters, say.
			ProblemDetail problem = ex instanceof InvalidRequestException invalid ? ProblemResponses.problem(invalid)
					: ProblemResponses.bodyLimit(ex);
			if (problem == null) {
				throw ex;
			}
			if (!response.isCommitted()) {
				ProblemResponses.write(request, response, problem);
			}
		}
		if (request.isAsyncStarted()) {
			return;
		}
		if (limited.failure() == null && limited.hasUnreadBody()) {
			// The answer first, then what is left of the body, so that the client gets to read the
			// answer; the connection ends there, as the body may not come in time.
			if (!response.isCommitted()) {
				response.setHeader("Connection", "close");
			}
			response.flushBuffer();
			limited.drain(limit);
		}
		if (limited.failure() != null) {
			throw hangUp(response, limited.failure());
		}
	}

	/**
	 * Completes the answer and returns what closes the connection without reading the rest of the
	 * body: thrown, a ClientAbortException tells Tomcat to close instead of draining the body (see
	 * ErrorReportValve and ProblemReportValve), and Tomcat logs it at debug level only.
	 */
	private static ClientAbortException hangUp(HttpServletResponse response, IOException cause) {
		try {
			// Closed, not just flushed: a chunked answer gets its last chunk before the connection goes.
			response.getOutputStream().close();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the answer was written as text (which no answer here is).
		}
		return new ClientAbortException(cause);
	}

	/** The request with its body read through the limits, and its form parameters read from there. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final LimitedInputStream body;

		private Map<String, String[]> parameters;

		private byte[] form;

		LimitedRequest(HttpServletRequest request, long limit, BodyDeadline deadline) {
			super(request);
			this.body = new LimitedInputStream(request, limit, deadline);
		}

		@Override
		public ServletInputStream getInputStream() {
			return form != null ? new BufferedInputStream(form) : body;
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters().get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters().keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters().get(name);
		}

		private Map<String, String[]> parameters() {
			if (parameters == null) {
				parameters = isForm() ? readForm() : super.getParameterMap();
			}
			return parameters;
		}

		// What Tomcat would parse into parameters itself: POSTed forms (see Connector.parseBodyMethods).
		private boolean isForm() {
			return "POST".equals(getMethod()) && getContentType() != null
					&& StringUtils.startsWithIgnoreCase(getContentType().strip(), "application/x-www-form-urlencoded");
		}

		private Map<String, String[]> readForm() {
			try {
				form = body.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Map<String, List<String>> values = new LinkedHashMap<>();
			decode(getQueryString(), StandardCharsets.UTF_8, values);
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			decode(new String(form, charset), charset, values);
			Map<String, String[]> parameters = new LinkedHashMap<>();
			values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
			return Collections.unmodifiableMap(parameters);
		}

		private static void decode(String encoded, Charset charset, Map<String, List<String>> into) {
			if (encoded == null) {
				return;
			}
			for (String pair : encoded.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				try {
					String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
					String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
					into.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
				}
				catch (IllegalArgumentException ex) {
					throw InvalidRequestException.parameter("", RequestError.NOT_URL_ENCODED, "detail",
							String.valueOf(ex.getMessage()));
				}
			}
		}

		/** Why the body broke its limits, or null. */
		IOException failure() {
			return body.failure;
		}

		boolean hasUnreadBody() {
			// A client waiting for "100 Continue" sends nothing unless asked; Tomcat will not wait for it.
			return (getContentLengthLong() > 0 || getHeader("Transfer-Encoding") != null) && !body.isFinished()
					&& !(body.untouched() && "100-continue".equalsIgnoreCase(getHeader("Expect")));
		}

		/**
		 * Reads and drops the rest of the body, at most {@code most} bytes, so that the connection can
		 * serve the next request. A body that breaks the limits doing so is left as {@link #failure()}.
		 */
		void drain(long most) {
			byte[] buffer = new byte[8192];
			long drained = 0;
			try {
				for (int n = body.read(buffer); n >= 0 && drained <= most; n = body.read(buffer)) {
					drained += n;
				}
				if (drained > most) {
					body.failure = new PayloadTooLargeException(most);
				}
			}
			catch (IOException ex) {
				// A client gone leaves nothing to wait for; a body over the limits is in failure.
			}
		}

	}

	/** The body as it arrives, counted and timed. */
	private static final class LimitedInputStream extends ServletInputStream {

		private final HttpServletRequest request;

		private final long limit;

		private final BodyDeadline deadline;

		private final long start = System.nanoTime();

		private ServletInputStream in;

		private long count;

		private boolean finished;

		private IOException failure;

		LimitedInputStream(HttpServletRequest request, long limit, BodyDeadline deadline) {
			this.request = request;
			this.limit = limit;
			this.deadline = deadline;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			checkTime(); // a read that starts after the deadline would wait for nothing
			int n;
			try {
				n = in().read(buffer, offset, length);
			}
			catch (IOException ex) {
				throw timedOut(ex);
			}
			if (n < 0) {
				finished = true;
				return n;
			}
			count += n;
			if (count > limit) {
				throw fail(new PayloadTooLargeException(limit));
			}
			checkTime();
			return n;
		}

		private void checkTime() throws RequestBodyTooSlowException {
			if (deadline.tooSlow(Duration.ofNanos(System.nanoTime() - start), count)) {
				throw fail(new RequestBodyTooSlowException(deadline.rule(), null));
			}
		}

		// Tomcat gave up waiting for the next bytes (TomcatConfig.bodyReadTimeout): the body is too slow too.
		private IOException timedOut(IOException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SocketTimeoutException) {
					return fail(new RequestBodyTooSlowException(deadline.rule(), ex));
				}
			}
			return ex;
		}

		private <E extends IOException> E fail(E ex) {
			failure = ex;
			return ex;
		}

		private ServletInputStream in() throws IOException {
			if (in == null) {
				in = request.getInputStream();
			}
			return in;
		}

		boolean untouched() {
			return in == null;
		}

		// Done when the end was read, or when all the announced bytes were (readers stop at the last one).
		@Override
		public boolean isFinished() {
			return finished || (in != null && in.isFinished());
		}

		@Override
		public boolean isReady() {
			return in == null || in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new IllegalStateException("Request bodies are read blocking, within their deadline");
		}

	}

	/** A form body that has been read already, for whoever asks for the stream after the parameters. */
	private static final class BufferedInputStream extends ServletInputStream {

		private final ByteArrayInputStream in;

		BufferedInputStream(byte[] bytes) {
			this.in = new ByteArrayInputStream(bytes);
		}

		@Override
		public int read() {
			return in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return in.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new IllegalStateException("The form has been read already");
		}

	}

}
