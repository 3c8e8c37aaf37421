package se.trygghetskartan.geo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.EmailAddresses;
import se.trygghetskartan.system.ErrorCode;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A GeoJSON Feature sent by a client, read field by field. Every problem is collected, and
 * {@link #throwIfInvalid()} answers them all at once with 422.
 */
public final class FeatureBody {

	private final JsonNode root;

	private final GeometryService geometries;

	private final List<Violation> violations = new ArrayList<>();

	private final Fields properties;

	/** A plain JSON object (not a Feature) read the same way: its fields are the "properties". */
	public static FeatureBody plain(JsonNode object, GeometryService geometries) {
		if (object == null || !object.isObject()) {
			throw InvalidRequestException.body("", RequestError.NOT_JSON_OBJECT);
		}
		return new FeatureBody(object, geometries, false);
	}

	/** A GeoJSON Feature: {"type": "Feature", "geometry": …, "properties": {…}}. */
	public FeatureBody(JsonNode root, GeometryService geometries) {
		this(root, geometries, true);
	}

	private FeatureBody(JsonNode root, GeometryService geometries, boolean feature) {
		this.root = root;
		this.geometries = geometries;
		if (!feature) {
			this.properties = new Fields(root, "");
			return;
		}
		if (root == null || !root.isObject()) {
			throw InvalidRequestException.body("", RequestError.NOT_FEATURE);
		}
		JsonNode type = root.get("type");
		if (type == null || !type.isString() || !type.stringValue().equals("Feature")) {
			violations.add(new Violation("type", RequestError.NOT_FEATURE_TYPE));
		}
		JsonNode props = root.get("properties");
		if (props == null || !props.isObject()) {
			violations.add(new Violation("properties", RequestError.NOT_OBJECT));
			props = MissingNode.getInstance();
		}
		this.properties = new Fields(props, "properties.");
	}

	/** The Feature's properties. */
	public Fields properties() {
		return properties;
	}

	public Geometry geometry(GeometryKind kind, boolean required) {
		return geometry("geometry", kind, required);
	}

	/** The geometry in field {@code name} of the body (a plain object's "location"). */
	public Geometry geometry(String name, GeometryKind kind, boolean required) {
		JsonNode node = root.get(name);
		if (!required && (node == null || node.isNull())) {
			return null;
		}
		return geometries.read(node, name, kind, violations);
	}

	public String text(String name, boolean required, int maxLength) {
		return properties.text(name, required, maxLength);
	}

	public <E extends Enum<E>> E code(Class<E> type, String name, E fallback) {
		return properties.code(type, name, fallback);
	}

	public <E extends Enum<E>> Set<E> codes(Class<E> type, String name) {
		return properties.codes(type, name);
	}

	public LocalDate date(String name) {
		return properties.date(name);
	}

	public Set<Long> ids(String name) {
		return properties.ids(name);
	}

	/** Adds what is wrong with a field: its code and the arguments its words name. */
	public void reject(String field, ErrorCode code, Object... namesAndValues) {
		violations.add(new Violation(field, code, namesAndValues));
	}

	public boolean isValid() {
		return violations.isEmpty();
	}

	public void throwIfInvalid() {
		if (!violations.isEmpty()) {
			throw InvalidRequestException.body(violations);
		}
	}

	/** The fields of one JSON object of the body, named in errors by their path. */
	public final class Fields {

		private final JsonNode node;

		private final String path;

		Fields(JsonNode node, String path) {
			this.node = node;
			this.path = path;
		}

		public String path(String name) {
			return path + name;
		}

		/** Whether the field is present and not null. */
		public boolean has(String name) {
			JsonNode value = node.get(name);
			return value != null && !value.isNull();
		}

		/** The fields of a nested object, or null (and a violation) when it is not an object. */
		public Fields object(String name) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isObject()) {
				reject(path(name), RequestError.NOT_OBJECT);
				return null;
			}
			return new Fields(value, path(name) + ".");
		}

		/** The id of another item this one refers to. */
		public Long reference(String name) {
			JsonNode value = node.get(name);
			if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
				reject(path(name), RequestError.REQUIRED_ID);
				return null;
			}
			return value.longValue();
		}

		public String text(String name, boolean required, int maxLength) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				if (required) {
					reject(path(name), RequestError.REQUIRED);
				}
				return null;
			}
			if (!value.isString()) {
				reject(path(name), RequestError.NOT_STRING);
				return null;
			}
			String text = value.stringValue().strip();
			if (required && text.isEmpty()) {
				reject(path(name), RequestError.BLANK);
				return null;
			}
			if (text.length() > maxLength) {
				reject(path(name), RequestError.TOO_LONG, "max", maxLength);
				return null;
			}
			return text.isEmpty() ? null : text;
		}

		/** An e-mail address, or null when there is none; a violation when the text is no address. */
		public String email(String name, boolean required) {
			String email = text(name, required, EmailAddresses.MAX_LENGTH);
			if (email != null && !EmailAddresses.isEmail(email)) {
				reject(path(name), RequestError.NOT_EMAIL);
			}
			return email;
		}

		/** Whether the form's honeypot ({@code website}, hidden from people) was filled in: a robot sent it. */
		public boolean honeypot() {
			return text("website", false, Integer.MAX_VALUE) != null;
		}

		public <E extends Enum<E>> E code(Class<E> type, String name, E fallback) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				if (fallback == null) {
					reject(path(name), RequestError.REQUIRED_ONE_OF, "allowed", Codes.allowed(type));
				}
				return fallback;
			}
			return codeOf(type, value, path(name));
		}

		/** An optional code: null when absent. */
		public <E extends Enum<E>> E optionalCode(Class<E> type, String name) {
			JsonNode value = node.get(name);
			return value == null || value.isNull() ? null : codeOf(type, value, path(name));
		}

		private <E extends Enum<E>> E codeOf(Class<E> type, JsonNode value, String field) {
			String code = value.isString() ? value.stringValue() : value.toString();
			return Codes.find(type, code).orElseGet(() -> {
				reject(field, RequestError.NOT_ONE_OF, "value", code, "allowed", Codes.allowed(type));
				return null;
			});
		}

		public <E extends Enum<E>> Set<E> codes(Class<E> type, String name) {
			JsonNode value = node.get(name);
			Set<E> values = new LinkedHashSet<>();
			if (value == null || !value.isArray() || value.isEmpty()) {
				reject(path(name), RequestError.NONE_CHOSEN, "allowed", Codes.allowed(type));
				return values;
			}
			// Each code at most once: a longer list is wrong as a whole (and would make a reason of every item).
			int most = type.getEnumConstants().length;
			if (value.size() > most) {
				reject(path(name), RequestError.TOO_MANY_CODES, "max", most, "allowed", Codes.allowed(type));
				return values;
			}
			for (int i = 0; i < value.size(); i++) {
				E code = codeOf(type, value.get(i), path(name) + "[" + i + "]");
				if (code != null) {
					values.add(code);
				}
			}
			return values;
		}

		public LocalDate date(String name) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				return null;
			}
			String text = value.isString() ? value.stringValue() : value.toString();
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				reject(path(name), RequestError.NOT_DATE, "value", text);
				return null;
			}
		}

		public boolean bool(String name) {
			return bool(name, false);
		}

		/** A true or false that may be left out, and then is {@code fallback}. */
		public Boolean bool(String name, Boolean fallback) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				return fallback;
			}
			if (!value.isBoolean()) {
				reject(path(name), RequestError.NOT_BOOLEAN);
				return fallback;
			}
			return value.booleanValue();
		}

		/** An optional whole number within bounds. */
		public Integer integer(String name, int min, int max) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
					|| value.intValue() > max) {
				reject(path(name), RequestError.NOT_WHOLE_NUMBER, "min", min, "max", max, "value", value.toString());
				return null;
			}
			return value.intValue();
		}

		public Set<Long> ids(String name) {
			JsonNode value = node.get(name);
			Set<Long> ids = new LinkedHashSet<>();
			if (value == null || value.isNull()) {
				return ids;
			}
			if (!value.isArray()) {
				reject(path(name), RequestError.NOT_ARRAY);
				return ids;
			}
			for (int i = 0; i < value.size(); i++) {
				JsonNode item = value.get(i);
				if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() <= 0) {
					reject(path(name) + "[" + i + "]", RequestError.NOT_ID, "value", item.toString());
					continue;
				}
				ids.add(item.longValue());
			}
			return ids;
		}

		public Set<String> strings(String name, int maxLength) {
			JsonNode value = node.get(name);
			Set<String> strings = new LinkedHashSet<>();
			if (value == null || value.isNull()) {
				return strings;
			}
			if (!value.isArray()) {
				reject(path(name), RequestError.NOT_ARRAY);
				return strings;
			}
			for (int i = 0; i < value.size(); i++) {
				JsonNode item = value.get(i);
				if (!item.isString() || item.stringValue().isBlank() || item.stringValue().length() > maxLength) {
					reject(path(name) + "[" + i + "]", RequestError.NOT_TEXT_ITEM, "max", maxLength);
					continue;
				}
				strings.add(item.stringValue());
			}
			return strings;
		}

		/** An object of counts per code, e.g. {"residents": 12, "police": 2}. */
		public <E extends Enum<E>> Map<E, Integer> counts(Class<E> type, String name) {
			JsonNode value = node.get(name);
			Map<E, Integer> counts = new EnumMap<>(type);
			if (value == null || value.isNull()) {
				return counts;
			}
			if (!value.isObject()) {
				reject(path(name), RequestError.NOT_OBJECT);
				return counts;
			}
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				String field = path(name) + "." + entry.getKey();
				E code = Codes.find(type, entry.getKey()).orElse(null);
				if (code == null) {
					reject(field, RequestError.NOT_ONE_OF, "value", entry.getKey(), "allowed", Codes.allowed(type));
				}
				else if (!entry.getValue().isIntegralNumber() || !entry.getValue().canConvertToInt()
						|| entry.getValue().intValue() < 0) {
					reject(field, RequestError.NOT_COUNT);
				}
				else {
					counts.put(code, entry.getValue().intValue());
				}
			}
			return counts;
		}

		/** The objects of an array, each readable as fields. */
		public List<Fields> objects(String name) {
			JsonNode value = node.get(name);
			List<Fields> objects = new ArrayList<>();
			if (value == null || value.isNull()) {
				return objects;
			}
			if (!value.isArray()) {
				reject(path(name), RequestError.NOT_ARRAY);
				return objects;
			}
			for (int i = 0; i < value.size(); i++) {
				if (!value.get(i).isObject()) {
					reject(path(name) + "[" + i + "]", RequestError.NOT_OBJECT);
					continue;
				}
				objects.add(new Fields(value.get(i), path(name) + "[" + i + "]."));
			}
			return objects;
		}

		/** A GeoJSON geometry held in a field of this object. */
		public Geometry geometry(String name, GeometryKind kind, boolean required) {
			JsonNode value = node.get(name);
			if (!required && (value == null || value.isNull())) {
				return null;
			}
			return geometries.read(value, path(name), kind, violations);
		}

		/** The id of an existing nested item, when the client sent one. */
		public Long id() {
			JsonNode value = node.get("id");
			return value != null && value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
		}

	}

}
