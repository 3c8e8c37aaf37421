package se.trygghetskartan.system;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns CSV imports read, each with every name a header may give it. All aliases live here,
 * in one place, so that a name means the same column in every import and no two columns share one.
 * The first name is the one messages use.
 */
public enum CsvColumn {

	ID("id", "source_id"),
	OCCURRED_FROM("occurred_at", "occurred_from", "time"),
	OCCURRED_TO("occurred_to"),
	CATEGORY("category"),
	LON("lon", "longitude"),
	LAT("lat", "latitude"),
	/** SWEREF 99 TM, EPSG:3006. */
	EASTING("x", "e", "easting"),
	NORTHING("y", "n", "northing"),
	SENSITIVE("sensitive"),
	DISTRICT("district", "neighbourhood", "stadsdel"),
	YEAR("year", "år"),
	INDICATOR("indicator"),
	VALUE("value", "värde"),
	RESPONDENTS("respondents", "svarande");

	private static final Map<String, CsvColumn> BY_NAME = new HashMap<>();

	static {
		for (CsvColumn column : values()) {
			for (String name : column.names) {
				if (BY_NAME.put(name, column) != null) {
					throw new IllegalStateException("Two CSV columns are called " + name);
				}
			}
		}
	}

	private final List<String> names;

	CsvColumn(String... names) {
		this.names = List.of(names);
	}

	/** The name messages use. */
	public String label() {
		return names.get(0);
	}

	/** The names a header may use, the label first. */
	public List<String> names() {
		return names;
	}

	/** The column a header cell names (case and surrounding spaces aside), or null. */
	static CsvColumn named(String name) {
		return BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
	}

}
