package se.trygghetskartan.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.trygghetskartan.system.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which column of a file fills which field: {@code {"name": "namn", "reasons": "skal", "id": "id",
 * "wkt": "geometri"}}. Fields left out stay empty (the draft's default, or its reason when required).
 */
record ImportMapping(Map<String, String> columns) {

	/** Other names a GIS gives the geometry's columns. */
	private static final Map<String, List<String>> ALSO = Map.of(ImportLayer.WKT, List.of("geometry", "geom", "the_geom"),
			ImportLayer.X, List.of("lon", "longitude", "easting", "e"), ImportLayer.Y,
			List.of("lat", "latitude", "northing", "n"));

	ImportMapping {
		columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
	}

	static final ImportMapping NONE = new ImportMapping(Map.of());

	/** The column of a field, or null. */
	String column(String field) {
		return columns.get(field);
	}

	/** The field a column fills, or null. */
	String field(String column) {
		return columns.entrySet().stream().filter(e -> e.getValue().equals(column)).map(Map.Entry::getKey).findFirst()
			.orElse(null);
	}

	/** A mapping as the {@code mapping} parameter or the saved one says it; 400 for fields the layer has not. */
	static ImportMapping parse(String text, ImportLayer layer, JsonMapper json) {
		JsonNode node;
		try {
			node = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw InvalidRequestException.parameter("mapping", ImportError.MAPPING_NOT_OBJECT);
		}
		if (node == null || !node.isObject()) {
			throw InvalidRequestException.parameter("mapping", ImportError.MAPPING_NOT_OBJECT);
		}
		Map<String, String> columns = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (!layer.mappable().contains(entry.getKey())) {
				throw InvalidRequestException.parameter("mapping", ImportError.MAPPING_UNKNOWN_FIELD, "field", entry.getKey(),
						"fields", layer.mappable());
			}
			if (entry.getValue().isString() && !entry.getValue().stringValue().isBlank()) {
				columns.put(entry.getKey(), entry.getValue().stringValue());
			}
			else if (!entry.getValue().isNull()) {
				throw InvalidRequestException.parameter("mapping", ImportError.MAPPING_NOT_OBJECT);
			}
		}
		return new ImportMapping(columns);
	}

	/**
	 * The mapping offered for a file with these columns: the saved one where its columns are in the
	 * file, then each field a column of the same name (in any case) fills.
	 */
	static ImportMapping proposed(ImportLayer layer, List<String> columns, ImportMapping saved) {
		Map<String, String> proposed = new LinkedHashMap<>();
		for (String field : layer.mappable()) {
			String kept = saved.column(field);
			if (kept != null && columns.contains(kept)) {
				proposed.put(field, kept);
				continue;
			}
			List<String> names = new java.util.ArrayList<>(List.of(field));
			names.addAll(ALSO.getOrDefault(field, List.of()));
			names.stream()
				.flatMap(name -> columns.stream().filter(column -> column.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))))
				.filter(column -> !proposed.containsValue(column))
				.findFirst()
				.ifPresent(column -> proposed.put(field, column));
		}
		return new ImportMapping(proposed);
	}

	/** Refuses (400) a mapping that names a column the file has not. */
	void requireColumns(List<String> available) {
		columns.forEach((field, column) -> {
			if (!available.contains(column)) {
				throw InvalidRequestException.parameter("mapping", ImportError.MAPPING_UNKNOWN_COLUMN, "field", field,
						"column", column, "columns", available);
			}
		});
	}

}
