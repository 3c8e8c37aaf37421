package se.trygghetskartan.system;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;

/**
 * Reads an uploaded text file line by line in the charset that its byte order mark, else its
 * Content-Type, else a {@code charset} parameter names, else UTF-8. A line whose bytes do not decode
 * comes back with the reason instead of its text (never with "�" in it), and so does a line with a
 * NUL character (which PostgreSQL cannot store in text), so an import can reject that line and go on
 * with the next.
 */
public final class TextLines implements Closeable {

	/** A line (numbered from 1) and its text, or why it cannot be read. */
	public record Line(int number, String text, Reason undecodable) {

		public boolean decoded() {
			return undecodable == null;
		}

	}

	private final InputStream in;

	private final Charset charset;

	private final CharsetDecoder decoder;

	private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);

	private final CharBuffer chars = CharBuffer.allocate(64 * 1024);

	private boolean endOfInput;

	private boolean drained;

	// The bytes after the last decoded character do not decode: the line being read is bad.
	private boolean undecodable;

	private boolean afterCarriageReturn;

	private int number;

	/** Reads {@code in} in {@code declared} (UTF-8 when null) unless a byte order mark names another charset. */
	public TextLines(InputStream in, Charset declared) throws IOException {
		this.in = in;
		fill(3);
		this.charset = byteOrderMark(declared == null ? StandardCharsets.UTF_8 : declared);
		this.decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		chars.flip();
	}

	/**
	 * The charset a request declares: the Content-Type's {@code charset}, or the {@code charset}
	 * parameter; null when neither does. A charset Java does not know, or two that disagree, are a 400.
	 */
	public static Charset declared(String contentType, String parameter) {
		Charset fromType = null;
		if (StringUtils.hasText(contentType)) {
			try {
				String name = MediaType.parseMediaType(contentType).getParameter("charset");
				fromType = name == null ? null : charset("Content-Type", name.replace("\"", ""));
			}
			catch (InvalidMediaTypeException ex) {
				throw InvalidRequestException.parameter("Content-Type", RequestError.UNREADABLE_CONTENT_TYPE, "detail",
						String.valueOf(ex.getMessage()));
			}
		}
		Charset fromParameter = StringUtils.hasText(parameter) ? charset("charset", parameter.trim()) : null;
		if (fromType != null && fromParameter != null && !fromType.equals(fromParameter)) {
			throw InvalidRequestException.parameter("charset", RequestError.CHARSETS_DISAGREE, "charset", parameter,
					"declared", fromType.name());
		}
		return fromType != null ? fromType : fromParameter;
	}

	private static Charset charset(String field, String name) {
		try {
			return Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw InvalidRequestException.parameter(field, RequestError.UNKNOWN_CHARSET, "charset", Csv.cut(name));
		}
	}

	/** The charset the lines are read in. */
	public Charset charset() {
		return charset;
	}

	/**
	 * The first line, which names the columns: a 422 when the file is empty, a 400 when the line does
	 * not decode (the charset is wrong, and so would every line be).
	 */
	public String header() throws IOException {
		Line header = next();
		if (header == null || header.decoded() && header.text().isBlank()) {
			throw InvalidRequestException.body("csv", RequestError.FILE_EMPTY);
		}
		if (!header.decoded() && header.undecodable().code().equals(RequestError.LINE_NUL.code())) {
			throw InvalidRequestException.body("csv", RequestError.HEADER_NUL);
		}
		if (!header.decoded()) {
			throw InvalidRequestException.parameter("charset", RequestError.HEADER_UNDECODABLE, "charset",
					charset.name());
		}
		return header.text();
	}

	/** The next line (without its line break: \n, \r\n or \r), or null after the last. */
	public Line next() throws IOException {
		StringBuilder text = new StringBuilder();
		boolean bad = false;
		boolean any = false;
		while (true) {
			if (!chars.hasRemaining()) {
				if (undecodable) {
					undecodable = false;
					bad = true;
					any = true;
				}
				if (!decode()) {
					return any ? line(text, bad) : null;
				}
				continue;
			}
			if (afterCarriageReturn) {
				afterCarriageReturn = false;
				if (chars.get(chars.position()) == '\n') {
					chars.get();
					continue;
				}
			}
			int start = chars.position();
			int end = start;
			while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
				end++;
			}
			if (end > start) {
				any = true;
				if (!bad) {
					text.append(chars, 0, end - start);
				}
			}
			chars.position(end);
			if (end < chars.limit()) {
				afterCarriageReturn = chars.get() == '\r';
				return line(text, bad);
			}
		}
	}

	private Line line(StringBuilder text, boolean bad) {
		number++;
		if (!bad && text.indexOf("\u0000") >= 0) {
			return new Line(number, null, Reason.of(RequestError.LINE_NUL));
		}
		if (!bad) {
			return new Line(number, text.toString(), null);
		}
		return new Line(number, null, Reason.of(RequestError.LINE_UNDECODABLE, "charset", charset.name()));
	}

	// Decodes more characters; false when there are none left. Stops at bytes that do not decode,
	// skips them and marks the line they are in.
	private boolean decode() throws IOException {
		chars.clear();
		while (chars.position() == 0 && !drained) {
			CoderResult result = decoder.decode(bytes, chars, endOfInput);
			if (result.isError()) {
				bytes.position(bytes.position() + result.length());
				undecodable = true;
				break;
			}
			if (result.isUnderflow() && endOfInput) {
				decoder.flush(chars);
				drained = true;
			}
			else if (result.isUnderflow()) {
				bytes.compact();
				fill(bytes.capacity());
			}
		}
		chars.flip();
		return chars.hasRemaining() || undecodable;
	}

	// Reads until the buffer holds {@code wanted} bytes or the input ends, then leaves it for reading.
	private void fill(int wanted) throws IOException {
		while (bytes.position() < wanted && !endOfInput) {
			int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
			if (n < 0) {
				endOfInput = true;
			}
			else {
				bytes.position(bytes.position() + n);
			}
		}
		bytes.flip();
	}

	// A byte order mark names the charset for certain; it is skipped.
	private Charset byteOrderMark(Charset declared) {
		int b0 = bytes.remaining() > 0 ? bytes.get(0) & 0xFF : -1;
		int b1 = bytes.remaining() > 1 ? bytes.get(1) & 0xFF : -1;
		int b2 = bytes.remaining() > 2 ? bytes.get(2) & 0xFF : -1;
		if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
			bytes.position(3);
			return StandardCharsets.UTF_8;
		}
		if (b0 == 0xFF && b1 == 0xFE) {
			bytes.position(2);
			return StandardCharsets.UTF_16LE;
		}
		if (b0 == 0xFE && b1 == 0xFF) {
			bytes.position(2);
			return StandardCharsets.UTF_16BE;
		}
		return declared;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
