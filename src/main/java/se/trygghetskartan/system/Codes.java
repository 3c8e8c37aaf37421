package se.trygghetskartan.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.AttributeConverter;

/**
 * Closed vocabularies are Java enums; in the API and the database each constant is its lower-case
 * name ({@code POOR_LIGHTING} is {@code poor_lighting}).
 */
public final class Codes {

	private Codes() {
	}

	public static String of(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/** The constant a code names, or empty when it names none. */
	public static <E extends Enum<E>> java.util.Optional<E> find(Class<E> type, String code) {
		if (code == null) {
			return java.util.Optional.empty();
		}
		for (E constant : type.getEnumConstants()) {
			if (of(constant).equals(code)) {
				return java.util.Optional.of(constant);
			}
		}
		return java.util.Optional.empty();
	}

	/** Every code of the type, as a reason lists those allowed. */
	public static List<String> allowed(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Codes::of).toList();
	}

	/** A query parameter's value as a constant, or a 400 naming the allowed values. */
	public static <E extends Enum<E>> E parameter(Class<E> type, String name, String code) {
		return find(type, code).orElseThrow(() -> InvalidRequestException.parameter(name, RequestError.NOT_ONE_OF,
				"value", code, "allowed", allowed(type)));
	}

	/**
	 * A query parameter's values (given as status=a,b or status=a&status=b) as a set of constants, or
	 * a 400 naming the allowed values; null when the parameter is absent.
	 */
	public static <E extends Enum<E>> java.util.Set<E> parameters(Class<E> type, String name, java.util.List<String> codes) {
		if (codes == null) {
			return null;
		}
		java.util.Set<E> constants = java.util.EnumSet.noneOf(type);
		codes.forEach(code -> constants.add(parameter(type, name, code)));
		return constants;
	}

	/** Stores enums as their codes; subclass once per enum so JPA can apply it automatically. */
	public abstract static class Converter<E extends Enum<E>> implements AttributeConverter<E, String> {

		private final Class<E> type;

		protected Converter(Class<E> type) {
			this.type = type;
		}

		@Override
		public String convertToDatabaseColumn(E attribute) {
			return attribute == null ? null : of(attribute);
		}

		@Override
		public E convertToEntityAttribute(String dbData) {
			return dbData == null ? null : find(type, dbData)
				.orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " code " + dbData));
		}

	}

}
