package se.trygghetskartan.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import se.trygghetskartan.system.Reason;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 12 characters, not a common password (30 000 from zxcvbn and a
 * Swedish list of our own, compared case-insensitively), and not the user name.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	private static final int MAX_LENGTH = 200;

	private static final List<String> LISTS = List.of("account/common-passwords.txt",
			"account/common-passwords-sv.txt");

	private final Set<String> common = new HashSet<>();

	PasswordPolicy() {
		for (String list : LISTS) {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(new ClassPathResource(list).getInputStream(), StandardCharsets.UTF_8))) {
				reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(PasswordPolicy::fold)
					.forEach(common::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the list of common passwords " + list, ex);
			}
		}
	}

	/** Why this password may not be used, or null when it may. */
	public Reason problem(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Reason.of(AccountError.PASSWORD_TOO_SHORT, "min", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			return Reason.of(AccountError.PASSWORD_TOO_LONG, "max", MAX_LENGTH);
		}
		String folded = fold(password);
		// A common word with digits or signs around it ("Sommar2024!", "123456hejhej") counts as the
		// word: that is the first thing an attacker's list tries.
		String core = folded.replaceAll("^[\\d\\p{Punct}\\s]+", "").replaceAll("[\\d\\p{Punct}\\s]+$", "");
		if (username != null && (folded.equals(fold(username)) || core.equals(fold(username)))) {
			return Reason.of(AccountError.PASSWORD_IS_USERNAME);
		}
		if (common.contains(folded) || (core.length() >= 4 && common.contains(core))) {
			return Reason.of(AccountError.PASSWORD_TOO_COMMON);
		}
		return null;
	}

	private static String fold(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

}
