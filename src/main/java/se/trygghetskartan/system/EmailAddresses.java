package se.trygghetskartan.system;

import java.util.regex.Pattern;

/** What passes for an e-mail address here: one a person could have typed, no longer than SMTP allows. */
public final class EmailAddresses {

	/** The longest address SMTP carries (RFC 5321 path limit less the brackets). */
	public static final int MAX_LENGTH = 254;

	// Enough to catch what is not an address (a name, a phone number, a URL) without refusing real ones,
	// also those with å, ä and ö in the domain.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"'(),;:\\\\\\[\\]]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");

	private EmailAddresses() {
	}

	public static boolean isEmail(String text) {
		return text.length() <= MAX_LENGTH && EMAIL.matcher(text).matches();
	}

}
