package se.trygghetskartan.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as the app reads and writes it (Apache Commons CSV): RFC 4180 quoting with the separator a
 * file's header uses, and exports that Excel opens as text, never as formulas.
 */
public final class Csv {

	/** How many characters of a value an error message repeats. */
	public static final int QUOTED = 100;

	/** The separator of exports: Swedish Excel's. */
	public static final char EXPORT_SEPARATOR = ';';

	// A cell beginning with one of these is a formula to a spreadsheet (OWASP "CSV injection").
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private Csv() {
	}

	/** The separator a header line uses: a tab (Excel's "Unicode text"), ';' (Swedish Excel) or ','. */
	public static char separator(String header) {
		return header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 ? ';' : ',';
	}

	/** RFC 4180 with this separator. */
	static CSVFormat.Builder format(char separator) {
		return CSVFormat.RFC4180.builder().setDelimiter(separator);
	}

	/**
	 * A value as an error message repeats it: at most {@value #QUOTED} characters, cut with "…", so a
	 * report on a file with huge cells stays small.
	 */
	public static String cut(String value) {
		if (value.length() <= QUOTED) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(QUOTED - 2)) ? QUOTED - 2 : QUOTED - 1;
		return value.substring(0, end) + "…";
	}

	/**
	 * A spreadsheet file: a UTF-8 byte order mark (so Excel reads UTF-8), the column names, then each
	 * row with every cell quoted, separated by ';' and lines by CRLF. A text cell that begins with
	 * {@code = + - @}, a tab or a carriage return gets a leading {@code '}, so a spreadsheet shows it
	 * as text instead of running it; numbers stay numbers.
	 */
	public static String export(List<String> columns, Iterable<? extends List<?>> rows) {
		StringBuilder out = new StringBuilder();
		try {
			Sheet sheet = sheet(out, columns);
			for (List<?> row : rows) {
				sheet.row(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/**
	 * The same file written row by row to {@code out} (a file too large to build first): the byte
	 * order mark and the column names now, each row as {@link Sheet#row} is given it.
	 */
	public static Sheet sheet(Appendable out, List<String> columns) throws IOException {
		out.append('\uFEFF');
		new CSVPrinter(out, format(EXPORT_SEPARATOR).setQuoteMode(QuoteMode.MINIMAL).get()).printRecord(columns);
		return new Sheet(new CSVPrinter(out, format(EXPORT_SEPARATOR).setQuoteMode(QuoteMode.ALL).get()));
	}

	/** A spreadsheet file being written: every cell quoted, formulas neutralised. */
	public static final class Sheet {

		private final CSVPrinter cells;

		private Sheet(CSVPrinter cells) {
			this.cells = cells;
		}

		public void row(List<?> values) throws IOException {
			cells.printRecord(values.stream().map(Csv::neutralised).toList());
		}

	}

	/** A cell as a spreadsheet should show it: text that would be a formula begins with {@code '}. */
	static Object neutralised(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number) {
			return value;
		}
		String text = value.toString();
		return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

}
