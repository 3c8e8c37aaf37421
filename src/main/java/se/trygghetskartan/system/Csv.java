package se.trygghetskartan.system;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line: fields may be quoted, with "" for a quote inside. */
public final class Csv {

	/** How many characters of a value an error message repeats. */
	public static final int QUOTED = 100;

	private Csv() {
	}

	/** The separator a header line uses: a tab (Excel's "Unicode text"), ';' (Swedish Excel) or ','. */
	public static char separator(String header) {
		return header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 ? ';' : ',';
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

	public static List<String> split(String line, char separator) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == separator) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
