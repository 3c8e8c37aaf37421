package se.trygghetskartan.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import tools.jackson.databind.JsonNode;

/**
 * A Feature's properties as the cells of a table: text, whole numbers, numbers and booleans as
 * themselves, lists and objects ({@code reasons}, {@code statusChanges}) as their JSON.
 */
final class ExportValues {

	private ExportValues() {
	}

	/** The property names, in the Feature's order. */
	static List<String> names(JsonNode properties) {
		return new ArrayList<>(properties.propertyNames());
	}

	/** A property's value as a cell; null for none. */
	static Object cell(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isIntegralNumber()) {
			return value.longValue();
		}
		if (value.isNumber()) {
			return value.doubleValue();
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		return value.toString();
	}

	/** The cells of these properties, in this order. */
	static List<Object> cells(JsonNode properties, List<String> names) {
		List<Object> cells = new ArrayList<>(names.size());
		names.forEach(name -> cells.add(cell(properties.get(name))));
		return cells;
	}

	/** A geometry PostGIS wrote as WKB; null for none. */
	static Geometry geometry(byte[] wkb) throws IOException {
		try {
			return wkb == null ? null : new WKBReader().read(wkb);
		}
		catch (ParseException ex) {
			throw new IOException(ex);
		}
	}

}
