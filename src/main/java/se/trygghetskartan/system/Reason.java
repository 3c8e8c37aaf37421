package se.trygghetskartan.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why something is wrong: a stable code and the values its words name. The words are chosen in the
 * language of the request when it is answered ({@link Messages}); as JSON a reason is
 * {@code {"code", "args", "reason"}}.
 *
 * @param marked whether it is said of the position in {@code args} as a point the map marks
 */
public record Reason(String code, Map<String, Object> args, boolean marked) {

	public Reason {
		args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
	}

	/** A reason with its arguments as names and values: {@code of(TOO_LONG, "max", 200)}. */
	public static Reason of(ErrorCode code, Object... namesAndValues) {
		return new Reason(code.code(), arguments(namesAndValues), false);
	}

	/** A reason said of a position the map marks; the position goes into the arguments too. */
	public static Reason at(ErrorCode code, double[] position, Object... namesAndValues) {
		if (!code.markable()) {
			throw new IllegalArgumentException(code.code() + " has no words for a marked position");
		}
		Map<String, Object> args = arguments(namesAndValues);
		args.put("position", position);
		return new Reason(code.code(), args, true);
	}

	/** The position the map marks, or null. */
	public double[] position() {
		return marked && args.get("position") instanceof double[] position ? position : null;
	}

	/** The key of its words in the message bundles. */
	String key() {
		return "error." + code + (marked ? ".at" : "");
	}

	private static Map<String, Object> arguments(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Arguments come as names and values");
		}
		Map<String, Object> args = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			args.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return args;
	}

	// For logs and exception messages: the code and its arguments, in no language.
	@Override
	public String toString() {
		return args.isEmpty() ? code : code + " " + args;
	}

}
