package se.trygghetskartan.page;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The markup every page shares, written once in frontend/fragments/ and put into a page where a line
 * of it says {@code <!-- header: /uppfoljning login -->}: that line is replaced by
 * fragments/header.html. The words after the colon are the page's: a line of the fragment that starts
 * with {@code <!-- login -->} is kept (without that mark) only where the page names it, and a path
 * ({@code /uppfoljning}) is the page the reader is on, so the fragment's link to it gets
 * {@code aria-current="page"}. A word that the fragment has no use for is an error, as a page without
 * its fragment is: the page would come out wrong.
 */
final class Fragments {

	private static final Pattern PLACEHOLDER = Pattern.compile("(?m)^[ \\t]*<!-- ([a-z-]+):([^>]*?) -->\\n");

	private static final Pattern OPTIONAL_LINE = Pattern.compile("(?m)^([ \\t]*)<!-- ([a-z-]+) -->");

	private Fragments() {
	}

	/** The page with its placeholders filled; {@code source} gives a file of frontend/ ("/fragments/head.html") or null. */
	static String insert(String page, Function<String, String> source) {
		return PLACEHOLDER.matcher(page).replaceAll(placeholder -> {
			String name = placeholder.group(1);
			String fragment = source.apply("/fragments/" + name + ".html");
			if (fragment == null) {
				throw new IllegalStateException("No fragment " + name + " for <!-- " + placeholder.group() + " -->");
			}
			Set<String> words = new LinkedHashSet<>(Arrays.asList(placeholder.group(2).trim().split("\\s+")));
			words.remove("");
			return Matcher.quoteReplacement(fill(name, fragment, words));
		});
	}

	private static String fill(String name, String fragment, Set<String> words) {
		Set<String> unused = new LinkedHashSet<>(words);
		StringBuilder filled = new StringBuilder();
		String lines = fragment.endsWith("\n") ? fragment.substring(0, fragment.length() - 1) : fragment;
		for (String line : lines.split("\n", -1)) {
			Matcher optional = OPTIONAL_LINE.matcher(line);
			if (optional.lookingAt()) {
				if (!words.contains(optional.group(2))) {
					continue;
				}
				unused.remove(optional.group(2));
				line = optional.group(1) + line.substring(optional.end());
			}
			for (String word : words) {
				String link = "<a href=\"" + word + "\"";
				if (word.startsWith("/") && line.contains(link)) {
					line = line.replace(link, link + " aria-current=\"page\"");
					unused.remove(word);
				}
			}
			filled.append(line).append('\n');
		}
		if (!unused.isEmpty()) {
			throw new IllegalStateException("The fragment " + name + " has no use for " + String.join(", ", unused));
		}
		return filled.toString();
	}

}
