package se.trygghetskartan.system;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV file record by record, never the whole file in memory: {@link TextLines}
 * decodes the lines (byte order mark, declared charset, lines that do not decode or hold a NUL
 * rejected with their numbers) and Apache Commons CSV reads the records from them, so a quoted cell
 * may hold the separator, quotes written as {@code ""} and line breaks. The first line is the header;
 * its separator (a tab, ';' or ',') is the file's. A record is numbered by its first line; blank lines
 * are skipped. A record with a line that does not decode is rejected whole, with that line's reason.
 * A quoted cell that is never closed would swallow the rest of the file: a record may span at most
 * {@value #MAX_LINES} lines, else its first line is rejected and reading goes on from the next.
 */
public final class CsvRecords implements Closeable {

	/** The most lines one record (with line breaks in quoted cells) may span. */
	public static final int MAX_LINES = 100;

	/** A record: its first line's number, and its cells or why it cannot be read. */
	public record Record(int line, List<String> cells, Reason rejected) {

		public boolean readable() {
			return rejected == null;
		}

	}

	// Stands in for a line that does not decode: TextLines never yields a NUL in a decoded line. The
	// quote closes a quoted cell the line may have continued (its own text, which might have closed
	// it, is unknown), so the record ends with this line instead of swallowing the next ones.
	private static final String UNREADABLE = "\u0000\"";

	private final TextLines lines;

	private final char separator;

	private final List<String> header;

	private final CSVFormat format;

	// Lines handed to the parser and not yet part of a record returned, oldest first.
	private final Deque<TextLines.Line> pending = new ArrayDeque<>();

	// Lines to hand to a new parser after a broken record, before the file's next ones.
	private final Deque<TextLines.Line> replay = new ArrayDeque<>();

	private Feed feed;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	// How many lines the parser had read when it returned the last record.
	private long consumed;

	/** Reads the header at once: a 422 for an empty file, a 400 for a header that does not decode. */
	public CsvRecords(InputStream in, Charset declared) throws IOException {
		this.lines = new TextLines(in, declared);
		String first = lines.header();
		this.separator = Csv.separator(first);
		this.format = Csv.format(separator).setIgnoreEmptyLines(false).get();
		try (CSVParser names = CSVParser.parse(first, format)) {
			this.header = names.getRecords().get(0).toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw InvalidRequestException.body("csv", RequestError.HEADER_NOT_CSV, "detail", String.valueOf(ex.getMessage()));
		}
		start();
	}

	/** The header's names, as written. */
	public List<String> header() {
		return header;
	}

	/** The separator the header uses. */
	public char separator() {
		return separator;
	}

	/** The charset the file is read in. */
	public Charset charset() {
		return lines.charset();
	}

	/** The next record that is not blank, or null after the last. */
	public Record next() throws IOException {
		while (true) {
			CSVRecord record;
			try {
				if (!records.hasNext()) {
					return null;
				}
				record = records.next();
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				if (feed.failure != null) {
					throw feed.failure;
				}
				return broken();
			}
			long read = parser.getCurrentLineNumber();
			TextLines.Line first = pending.peek();
			Reason unreadable = null;
			int span = 0;
			for (; consumed < read && !pending.isEmpty(); consumed++, span++) {
				TextLines.Line line = pending.poll();
				if (unreadable == null && !line.decoded()) {
					unreadable = line.undecodable();
				}
			}
			if (unreadable != null) {
				return new Record(first.number(), null, unreadable);
			}
			if (span == 1 && first.text().isBlank()) {
				continue;
			}
			return new Record(first.number(), record.toList(), null);
		}
	}

	// The record beginning with the oldest pending line cannot be read: it is rejected, and a new
	// parser reads on from the line after it.
	private Record broken() {
		TextLines.Line first = pending.poll();
		Reason reason = feed.cut ? Reason.of(RequestError.QUOTE_NOT_CLOSED_WITHIN, "lines", MAX_LINES)
				: Reason.of(feed.ended ? RequestError.QUOTE_NOT_CLOSED : RequestError.TEXT_AFTER_QUOTE);
		Deque<TextLines.Line> again = new ArrayDeque<>(pending);
		again.addAll(replay);
		pending.clear();
		replay.clear();
		replay.addAll(again);
		start();
		return new Record(first.number(), null, reason);
	}

	private void start() {
		feed = new Feed();
		consumed = 0;
		try {
			parser = CSVParser.builder().setReader(feed).setFormat(format).get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		records = parser.iterator();
	}

	@Override
	public void close() throws IOException {
		lines.close();
	}

	/**
	 * The lines as the parser reads them, one line (and a line break) per read, so that what the
	 * parser has read ahead of its records stays within a line.
	 */
	private final class Feed extends Reader {

		private String line = "";

		private int position;

		private boolean ended;

		private boolean cut;

		private IOException failure;

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (position == line.length()) {
				if (ended || cut) {
					return -1;
				}
				if (pending.size() > MAX_LINES) {
					cut = true;
					return -1;
				}
				TextLines.Line next;
				try {
					next = replay.isEmpty() ? lines.next() : replay.poll();
				}
				catch (IOException ex) {
					failure = ex;
					throw ex;
				}
				if (next == null) {
					ended = true;
					return -1;
				}
				pending.add(next);
				line = (next.decoded() ? next.text() : UNREADABLE) + "\n";
				position = 0;
			}
			int n = Math.min(length, line.length() - position);
			line.getChars(position, position + n, buffer, offset);
			position += n;
			return n;
		}

		@Override
		public void close() {
		}

	}

}
