package se.trygghetskartan.geo;

import java.util.Set;

/** Which GeoJSON geometry types a field accepts. */
public enum GeometryKind {

	/** Points, lines and areas and their multi forms: what places and measures are drawn as. */
	ANY_SIMPLE(Set.of("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon")),

	/** Areas only: neighbourhood boundaries, the area of a police operation. */
	AREA(Set.of("Polygon", "MultiPolygon")),

	/** Lines only: the route of a safety walk. */
	LINE(Set.of("LineString", "MultiLineString")),

	/** One point: a stop on a safety walk. */
	POINT(Set.of("Point"));

	private final Set<String> types;

	GeometryKind(Set<String> types) {
		this.types = types;
	}

	boolean accepts(String type) {
		return types.contains(type);
	}

	/** The types, sorted, as reasons list them. */
	java.util.List<String> types() {
		return types.stream().sorted().toList();
	}

}
