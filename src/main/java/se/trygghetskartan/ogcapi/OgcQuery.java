package se.trygghetskartan.ogcapi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.Page;

/**
 * What an items request asks of a collection: the box in WGS 84 (whatever {@code bbox-crs} it came
 * in), the days {@code datetime} names (either end null when open), the queryable properties' values
 * (a value may list several, comma-separated) and the page.
 */
record OgcQuery(BoundingBox bbox, LocalDate from, LocalDate to, Map<String, List<String>> properties, Page page) {

	/** Whether the request names a time at all. */
	boolean timed() {
		return from != null || to != null;
	}

	/** The one value a property names, or null. */
	String property(String name) {
		List<String> values = properties.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	/** The values a property names, or null. */
	List<String> properties(String name) {
		return properties.get(name);
	}

}
