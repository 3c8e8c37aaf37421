package se.trygghetskartan.system;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The words of codes in the languages the app speaks, Swedish (the default) and English, from the
 * message bundles {@code messages_sv.properties} and {@code messages_en.properties}. A message names
 * its arguments in braces, and they are filled in by name; a list is written comma-separated, a reason
 * within a reason as its own words.
 */
@Component
public class Messages {

	public static final Locale SWEDISH = Locale.forLanguageTag("sv");

	public static final Locale ENGLISH = Locale.ENGLISH;

	/** The languages, the default first. */
	public static final List<Locale> LANGUAGES = List.of(SWEDISH, ENGLISH);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

	private final MessageSource source;

	private final LocaleResolver languages;

	public Messages(MessageSource source, LocaleResolver languages) {
		this.source = source;
		this.languages = languages;
	}

	/** The language a request asks for, as Spring MVC chooses it (also for requests it never sees). */
	public Locale locale(HttpServletRequest request) {
		return supported(languages.resolveLocale(request));
	}

	/** The language of the current request (Accept-Language, see {@code Languages}), Swedish outside one. */
	public static Locale current() {
		return supported(LocaleContextHolder.getLocale());
	}

	/** One of the app's languages: the one of {@code locale}, else Swedish. */
	public static Locale supported(Locale locale) {
		return locale != null && locale.getLanguage().equals(ENGLISH.getLanguage()) ? ENGLISH : SWEDISH;
	}

	/** The reason's words in the language. */
	public String text(Reason reason, Locale locale) {
		return text(reason.key(), reason.args(), locale);
	}

	/** A message with its named arguments filled in. */
	public String text(String key, Map<String, ?> args, Locale locale) {
		Locale language = supported(locale);
		String pattern = source.getMessage(key, null, language);
		Matcher placeholders = PLACEHOLDER.matcher(pattern);
		StringBuilder text = new StringBuilder();
		while (placeholders.find()) {
			String name = placeholders.group(1);
			placeholders.appendReplacement(text,
					Matcher.quoteReplacement(args.containsKey(name) ? format(args.get(name), language) : placeholders.group()));
		}
		return placeholders.appendTail(text).toString();
	}

	/** The message, or {@code fallback} when the bundles have none under the key. */
	String textOr(String key, Locale locale, String fallback) {
		return source.getMessage(key, null, fallback, supported(locale));
	}

	private String format(Object value, Locale language) {
		if (value instanceof Reason reason) {
			return text(reason, language);
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(item -> format(item, language)).collect(Collectors.joining(", "));
		}
		if (value instanceof Iterable<?> values) {
			return StreamSupport.stream(values.spliterator(), false)
				.map(item -> format(item, language))
				.collect(Collectors.joining(", "));
		}
		if (value instanceof Double || value instanceof Float) {
			return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(value);
	}

}
