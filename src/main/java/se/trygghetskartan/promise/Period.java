package se.trygghetskartan.promise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

/** A promise period: one year ("2021") or several ("2022-2023"). */
public record Period(int start, int end) {

	private static final Pattern FORMAT = Pattern.compile("^(\\d{4})(?:[-–](\\d{4}))?$");

	public static Period parse(String value) {
		Matcher matcher = value == null ? null : FORMAT.matcher(value.trim());
		if (matcher == null || !matcher.matches()) {
			throw InvalidRequestException.parameter("period", PromiseError.NOT_A_PERIOD, "value", String.valueOf(value));
		}
		int start = Integer.parseInt(matcher.group(1));
		int end = matcher.group(2) == null ? start : Integer.parseInt(matcher.group(2));
		if (end < start) {
			throw InvalidRequestException.parameter("period", RequestError.ENDS_BEFORE_START, "start", start);
		}
		return new Period(start, end);
	}

	public String code() {
		return start == end ? String.valueOf(start) : start + "-" + end;
	}

}
