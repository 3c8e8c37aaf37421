package se.trygghetskartan.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs made from names, as the URLs use them ({@code ?omrade=navertorp}): lower case, letters without
 * their accents (å, ä → a, ö → o), everything else between words a hyphen.
 */
public final class Slugs {

	/**
	 * What the database allows: lower-case letters and digits joined by single hyphens, as a regular
	 * expression (also for a path variable, {@code /{slug:PATTERN}}).
	 */
	public static final String PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";

	/** {@link #PATTERN}, a whole text. */
	public static final Pattern VALID = Pattern.compile("^" + PATTERN + "$");

	public static final int MAX_LENGTH = 80;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern OTHERS = Pattern.compile("[^a-z0-9]+");

	private Slugs() {
	}

	/** "Östra Nävertorp" → "ostra-navertorp"; empty when the name has no letter or digit it can keep. */
	public static String of(String name) {
		String bare = MARKS.matcher(Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
			.replaceAll("");
		String slug = OTHERS.matcher(bare).replaceAll("-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
		}
		return slug;
	}

}
