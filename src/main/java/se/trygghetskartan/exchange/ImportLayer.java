package se.trygghetskartan.exchange;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Reason;

/**
 * What can be imported: places and measures, each with the fields of its {@code /api} create body
 * that a file's columns may fill (the names the API's GeoJSON uses, so an export re-imports as it is).
 */
enum ImportLayer {

	PLACES("places", fields("name", Kind.TEXT, "description", Kind.TEXT, "reasons", Kind.CODES, "source", Kind.TEXT,
			"status", Kind.TEXT, "published", Kind.BOOLEAN), Map.of("source", "other")),

	MEASURES("measures", fields("title", Kind.TEXT, "description", Kind.TEXT, "type", Kind.TEXT, "owner", Kind.TEXT,
			"status", Kind.TEXT, "rejectionReason", Kind.TEXT, "plannedStart", Kind.TEXT, "plannedEnd", Kind.TEXT,
			"completedOn", Kind.TEXT, "placeIds", Kind.IDS, "commitmentIds", Kind.IDS, "published", Kind.BOOLEAN,
			"statusNote", Kind.TEXT, "statusChangedOn", Kind.TEXT), Map.of());

	/** How a cell becomes the JSON value the create body takes. */
	enum Kind {
		/** A string as it is (text, codes, dates: the draft judges them). */
		TEXT,
		/** A list of codes: a JSON array, or cells separated by commas, semicolons or bars. */
		CODES,
		/** A list of ids, written as codes are. */
		IDS,
		/** true/false, ja/nej, yes/no, 1/0. */
		BOOLEAN
	}

	/** The id of an existing item: its row updates that item. */
	static final String ID = "id";

	/** A CSV column holding the geometry as WKT. */
	static final String WKT = "wkt";

	/** CSV columns holding a point's x (easting, longitude) and y (northing, latitude). */
	static final String X = "x";

	static final String Y = "y";

	private final String path;

	private final Map<String, Kind> fields;

	private final Map<String, String> unmapped;

	ImportLayer(String path, Map<String, Kind> fields, Map<String, String> unmapped) {
		this.path = path;
		this.fields = fields;
		this.unmapped = unmapped;
	}

	/**
	 * What a required field the mapping gives no column is set to: a place's source, which GIS files
	 * seldom have, is "other".
	 */
	String unmapped(String field) {
		return unmapped.get(field);
	}

	private static Map<String, Kind> fields(Object... namesAndKinds) {
		Map<String, Kind> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndKinds.length; i += 2) {
			fields.put((String) namesAndKinds[i], (Kind) namesAndKinds[i + 1]);
		}
		return fields;
	}

	String path() {
		return path;
	}

	/** The draft's fields, in the create body's order. */
	Map<String, Kind> fields() {
		return fields;
	}

	/** Everything a mapping may name: the id, the geometry's columns, the draft's fields. */
	List<String> mappable() {
		List<String> all = new java.util.ArrayList<>(List.of(ID, WKT, X, Y));
		all.addAll(fields.keySet());
		return all;
	}

	/** The layer of {@code /api/imports/{layer}}; 404 for another. */
	static ImportLayer of(String path) {
		return Arrays.stream(values())
			.filter(layer -> layer.path.equals(path))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Reason.of(ImportError.UNKNOWN_IMPORT_LAYER, "layer", path, "layers",
					Arrays.stream(values()).map(ImportLayer::path).toList())));
	}

}
