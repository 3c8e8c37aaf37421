package se.trygghetskartan.geo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A GeoJSON Feature sent by a client, read field by field. Every problem is collected, and
 * {@link #throwIfInvalid()} answers them all at once with 422.
 */
public final class FeatureBody {

	private final JsonNode properties;

	private final JsonNode root;

	private final GeometryService geometries;

	private final List<Violation> violations = new ArrayList<>();

	public FeatureBody(JsonNode root, GeometryService geometries) {
		this.root = root;
		this.geometries = geometries;
		if (root == null || !root.isObject()) {
			throw InvalidRequestException.body("", "the body must be a GeoJSON Feature object");
		}
		JsonNode type = root.get("type");
		if (type == null || !type.isString() || !type.stringValue().equals("Feature")) {
			violations.add(new Violation("type", "must be \"Feature\""));
		}
		JsonNode props = root.get("properties");
		if (props == null || !props.isObject()) {
			violations.add(new Violation("properties", "must be an object"));
			this.properties = MissingNode.getInstance();
		}
		else {
			this.properties = props;
		}
	}

	/** The Feature's id, when it has one. */
	public JsonNode id() {
		return root.path("id");
	}

	public Geometry geometry(GeometryKind kind, boolean required) {
		JsonNode node = root.get("geometry");
		if (!required && (node == null || node.isNull())) {
			return null;
		}
		return geometries.read(node, "geometry", kind, violations);
	}

	public String text(String name, boolean required, int maxLength) {
		JsonNode node = properties.get(name);
		String field = "properties." + name;
		if (node == null || node.isNull()) {
			if (required) {
				violations.add(new Violation(field, "is required"));
			}
			return null;
		}
		if (!node.isString()) {
			violations.add(new Violation(field, "must be a string"));
			return null;
		}
		String value = node.stringValue().strip();
		if (required && value.isEmpty()) {
			violations.add(new Violation(field, "must not be blank"));
			return null;
		}
		if (value.length() > maxLength) {
			violations.add(new Violation(field, "is longer than " + maxLength + " characters"));
			return null;
		}
		return value.isEmpty() ? null : value;
	}

	public <E extends Enum<E>> E code(Class<E> type, String name, E fallback) {
		JsonNode node = properties.get(name);
		String field = "properties." + name;
		if (node == null || node.isNull()) {
			if (fallback == null) {
				violations.add(new Violation(field, "is required: " + Codes.allowed(type)));
			}
			return fallback;
		}
		if (!node.isString()) {
			violations.add(new Violation(field, "must be a string, " + Codes.allowed(type)));
			return null;
		}
		return Codes.find(type, node.stringValue()).orElseGet(() -> {
			violations.add(new Violation(field, "'" + node.stringValue() + "' is not " + Codes.allowed(type)));
			return null;
		});
	}

	public <E extends Enum<E>> Set<E> codes(Class<E> type, String name) {
		JsonNode node = properties.get(name);
		String field = "properties." + name;
		Set<E> values = new LinkedHashSet<>();
		if (node == null || !node.isArray() || node.isEmpty()) {
			violations.add(new Violation(field, "needs at least one value: " + Codes.allowed(type)));
			return values;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			String itemField = field + "[" + i + "]";
			if (!item.isString()) {
				violations.add(new Violation(itemField, "must be a string, " + Codes.allowed(type)));
				continue;
			}
			Codes.find(type, item.stringValue())
				.ifPresentOrElse(values::add, () -> violations.add(
						new Violation(itemField, "'" + item.stringValue() + "' is not " + Codes.allowed(type))));
		}
		return values;
	}

	public LocalDate date(String name) {
		JsonNode node = properties.get(name);
		String field = "properties." + name;
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			violations.add(new Violation(field, "must be a date string YYYY-MM-DD"));
			return null;
		}
		try {
			return LocalDate.parse(node.stringValue());
		}
		catch (DateTimeParseException ex) {
			violations.add(new Violation(field, "'" + node.stringValue() + "' is not a date YYYY-MM-DD"));
			return null;
		}
	}

	public Set<Long> ids(String name) {
		JsonNode node = properties.get(name);
		String field = "properties." + name;
		Set<Long> ids = new LinkedHashSet<>();
		if (node == null || node.isNull()) {
			return ids;
		}
		if (!node.isArray()) {
			violations.add(new Violation(field, "must be an array of ids"));
			return ids;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() <= 0) {
				violations.add(new Violation(field + "[" + i + "]", "must be a positive integer id, not " + item));
				continue;
			}
			ids.add(item.longValue());
		}
		return ids;
	}

	public void reject(String field, String reason) {
		violations.add(new Violation(field, reason));
	}

	public boolean isValid() {
		return violations.isEmpty();
	}

	public void throwIfInvalid() {
		if (!violations.isEmpty()) {
			throw InvalidRequestException.body(violations);
		}
	}

}
