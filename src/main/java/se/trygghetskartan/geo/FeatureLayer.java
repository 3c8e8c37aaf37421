package se.trygghetskartan.geo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

import org.springframework.util.MultiValueMap;

/**
 * A map layer that can be exported as a file: its list's name ({@code places}) and its items selected
 * by the same query parameters as the list ({@code GET /api/places?…}), with the same rules of who sees
 * what. Each feature module declares its own; the exchange module finds them all.
 */
public interface FeatureLayer {

	/** The layer's name: its list's resource ({@code places}, {@code measures}…). */
	String layer();

	/** The items the list's parameters select (paging aside: a file holds them all). */
	FeatureSource exported(MultiValueMap<String, String> parameters);

	/** A parameter's value; null when absent or blank. */
	static String text(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		return value == null || value.isBlank() ? null : value;
	}

	/** A parameter's values, repeated or separated by commas ({@code status=planned,done}); null when absent. */
	static List<String> values(MultiValueMap<String, String> parameters, String name) {
		List<String> given = parameters.get(name);
		if (given == null) {
			return null;
		}
		return given.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
			.filter(value -> !value.isEmpty()).toList();
	}

	/** Ids, as {@code ids=3,7,12}; 400 for one that is not a whole number. */
	static List<Long> ids(MultiValueMap<String, String> parameters, String name) {
		List<String> given = values(parameters, name);
		return given == null ? null : given.stream().map(value -> number(name, value)).toList();
	}

	/** A whole number; null when absent. */
	static Long number(MultiValueMap<String, String> parameters, String name) {
		String value = text(parameters, name);
		return value == null ? null : number(name, value);
	}

	/** A day, YYYY-MM-DD; null when absent. */
	static LocalDate date(MultiValueMap<String, String> parameters, String name) {
		String value = text(parameters, name);
		try {
			return value == null ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw InvalidRequestException.parameter(name, RequestError.NOT_DATE, "value", value);
		}
	}

	private static Long number(String name, String value) {
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidRequestException.parameter(name, RequestError.NOT_A_VALUE, "value", value, "type", "Long");
		}
	}

}
