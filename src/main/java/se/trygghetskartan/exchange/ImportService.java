package se.trygghetskartan.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import se.trygghetskartan.account.Role;
import se.trygghetskartan.exchange.ImportReport.Rejection;
import se.trygghetskartan.exchange.ImportReport.Totals;
import se.trygghetskartan.exchange.ImportSource.Row;
import se.trygghetskartan.geo.FeatureFiles;
import se.trygghetskartan.geo.GeometryError;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.SupportedCrs;
import se.trygghetskartan.measure.MeasureDraft;
import se.trygghetskartan.measure.MeasureService;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.place.PlaceDraft;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports places and measures from a file, row by row, never holding the file in memory. Each row
 * becomes the Feature the API's create body would be, read by the same draft (same reasons for the
 * same bad values), its geometry transformed by PostGIS from the file's CRS to WGS 84 first. Rows
 * whose id column names an item of the municipality update it, the others create items, all through
 * the module's service (history recorded).
 *
 * <p>Transactions: the good rows are stored in batches of {@value #BATCH}, each batch one
 * transaction. When the service refuses a row of a batch (a place id that does not exist, say), the
 * batch is rolled back and stored again row by row, each row its own transaction, so that the good
 * rows are stored and the bad one reported. An import is therefore not all or nothing: rows stored
 * before a failure (a lost connection) stay stored; sent again with an id column they are updated,
 * not duplicated. A dry run does all of it and rolls every transaction back.
 */
@Service
class ImportService {

	static final int BATCH = 200;

	/** How many reasons a report lists: every rejected row is counted. */
	static final int LISTED = 1000;

	private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;|]\\s*");

	private final Municipalities municipalities;

	private final GeometryService geometries;

	private final FeatureFiles files;

	private final ImportMappings mappings;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final Map<ImportLayer, ImportTarget<?>> targets = new EnumMap<>(ImportLayer.class);

	ImportService(Municipalities municipalities, GeometryService geometries, FeatureFiles files, ImportMappings mappings,
			JdbcClient jdbc, JsonMapper json, TransactionTemplate transaction, PlaceService places,
			MeasureService measures) {
		this.municipalities = municipalities;
		this.geometries = geometries;
		this.files = files;
		this.mappings = mappings;
		this.jdbc = jdbc;
		this.json = json;
		this.transaction = transaction;
		targets.put(ImportLayer.PLACES, new ImportTarget<>(PlaceDraft::read, places,
				"SELECT id FROM place_overview WHERE municipality_id = :municipality AND id = ANY(:ids)"));
		targets.put(ImportLayer.MEASURES, new ImportTarget<>(MeasureDraft::read, measures,
				"SELECT id FROM measure_overview WHERE municipality_id = :municipality AND id = ANY(:ids)"));
	}

	/** What a file holds, read once through: its columns and CRS. */
	record Survey(String format, String table, String fileCrs, List<String> columns) {
	}

	/**
	 * The columns and CRS of a file and the mapping proposed for it (the saved one, then same-name
	 * columns), for a planner of the municipality.
	 */
	Map<String, Object> inspect(ImportLayer layer, ImportUpload upload) throws IOException {
		long municipality = planners();
		Survey survey = survey(upload);
		ImportMapping saved = mappings.saved(municipality, layer).orElse(ImportMapping.NONE);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("layer", layer.path());
		answer.put("format", survey.format());
		answer.put("table", survey.table());
		answer.put("fileCrs", survey.fileCrs());
		answer.put("columns", survey.columns());
		answer.put("fields", fields(layer, upload));
		answer.put("mapping", proposed(layer, upload, survey, saved).columns());
		return answer;
	}

	/** The mapping saved by the municipality's last import of the layer (empty when none), and the fields. */
	Map<String, Object> saved(ImportLayer layer) {
		long municipality = planners();
		Map<String, Object> answer = new LinkedHashMap<>();
		ImportMapping saved = mappings.saved(municipality, layer).orElse(null);
		answer.put("layer", layer.path());
		answer.put("saved", saved != null);
		answer.put("mapping", saved == null ? Map.of() : saved.columns());
		answer.put("fields", layer.mappable());
		return answer;
	}

	/**
	 * Imports the file: with {@code mappingParameter} (JSON) as the mapping, else the one proposed; in
	 * the CRS the file says, else {@code chosen}. A real import saves the mapping for next time.
	 */
	ImportReport run(ImportLayer layer, ImportUpload upload, String mappingParameter, SupportedCrs chosen,
			boolean dryRun) throws IOException {
		long municipality = planners();
		Survey survey = survey(upload);
		ImportMapping mapping;
		if (mappingParameter == null || mappingParameter.isBlank()) {
			mapping = proposed(layer, upload, survey,
					mappings.saved(municipality, layer).orElse(ImportMapping.NONE));
		}
		else {
			mapping = ImportMapping.parse(mappingParameter, layer, json);
			mapping.requireColumns(survey.columns());
		}
		SupportedCrs crs = crs(upload, survey, mapping, chosen);
		Run run = new Run(layer, targets.get(layer), mapping, crs, municipality, dryRun);
		try (ImportSource source = upload.open(files, mapping)) {
			for (Row row = source.next(); row != null; row = source.next()) {
				run.row(row, source.byLine());
			}
		}
		run.store();
		if (!dryRun) {
			mappings.save(municipality, layer, mapping);
		}
		return new ImportReport(dryRun, layer.path(), survey.format(), survey.table(), crs == null ? null : crs.code(),
				survey.fileCrs(), survey.columns(), mapping.columns(),
				new Totals(run.features, run.created, run.updated, run.rejectedRows.cardinality()), run.rejections);
	}

	/** Refuses (403) anyone but the municipality's planners: imports are theirs. Its id. */
	long planners() {
		long municipality = municipalities.currentId();
		municipalities.require(Role.PLANNER, municipality);
		return municipality;
	}

	private Survey survey(ImportUpload upload) throws IOException {
		try (ImportSource source = upload.open(files, ImportMapping.NONE)) {
			// A GeoJSON file's property names are known once all its features are read.
			if (upload.format() == ImportUpload.Format.GEOJSON) {
				while (source.next() != null) {
					// read on
				}
			}
			return new Survey(source.format(), source.table(), source.declaredCrs(), source.columns());
		}
	}

	private static List<String> fields(ImportLayer layer, ImportUpload upload) {
		return layer.mappable().stream().filter(field -> upload.format() == ImportUpload.Format.CSV || !geometryColumn(field))
			.toList();
	}

	private static boolean geometryColumn(String field) {
		return field.equals(ImportLayer.WKT) || field.equals(ImportLayer.X) || field.equals(ImportLayer.Y);
	}

	private static ImportMapping proposed(ImportLayer layer, ImportUpload upload, Survey survey, ImportMapping saved) {
		ImportMapping proposed = ImportMapping.proposed(layer, survey.columns(), saved);
		Map<String, String> columns = new LinkedHashMap<>(proposed.columns());
		columns.keySet().retainAll(fields(layer, upload));
		return new ImportMapping(columns);
	}

	/**
	 * The CRS the geometries are in: the one the file says (a different choice is refused: the items
	 * would land elsewhere), else the one chosen, else for GeoJSON WGS 84 (RFC 7946). Null for a CSV
	 * file without geometry columns.
	 */
	private static SupportedCrs crs(ImportUpload upload, Survey survey, ImportMapping mapping, SupportedCrs chosen) {
		if (survey.fileCrs() != null) {
			Integer declared = SupportedCrs.epsgOf(survey.fileCrs());
			SupportedCrs said = declared == null ? null : SupportedCrs.ofEpsg(declared).orElse(null);
			if (said == null) {
				throw InvalidRequestException.body("crs", GeometryError.UNSUPPORTED_CRS, "crs", survey.fileCrs(),
						"supported", SupportedCrs.described());
			}
			if (chosen != null && chosen != said) {
				throw InvalidRequestException.parameter("crs", ImportError.IMPORT_CRS_CONTRADICTS_FILE, "file",
						said.code(), "chosen", chosen.code());
			}
			return said;
		}
		if (chosen != null) {
			return chosen;
		}
		if (upload.format() == ImportUpload.Format.GEOJSON) {
			return SupportedCrs.WGS84;
		}
		if (upload.format() == ImportUpload.Format.CSV && mapping.column(ImportLayer.WKT) == null
				&& (mapping.column(ImportLayer.X) == null || mapping.column(ImportLayer.Y) == null)) {
			return null;
		}
		throw InvalidRequestException.parameter("crs", ImportError.IMPORT_CRS_NOT_SAID, "supported",
				SupportedCrs.described());
	}

	/** A row read into a draft, waiting in a batch to be stored. */
	private record Prepared(Row row, boolean byLine, Long id, Object draft) {
	}

	/** One import under way: the batch waiting to be stored, and what has been done so far. */
	private final class Run {

		private final ImportLayer layer;

		private final ImportTarget<?> target;

		private final ImportMapping mapping;

		private final SupportedCrs crs;

		private final long municipality;

		private final boolean dryRun;

		private final List<Prepared> batch = new ArrayList<>();

		private final List<Rejection> rejections = new ArrayList<>();

		// A bit per row (not a boxed number): a file of millions of bad rows stays small.
		private final BitSet rejectedRows = new BitSet();

		private int features;

		private int created;

		private int updated;

		Run(ImportLayer layer, ImportTarget<?> target, ImportMapping mapping, SupportedCrs crs, long municipality,
				boolean dryRun) {
			this.layer = layer;
			this.target = target;
			this.mapping = mapping;
			this.crs = crs;
			this.municipality = municipality;
			this.dryRun = dryRun;
		}

		void row(Row row, boolean byLine) {
			features++;
			if (row.problem() != null && "".equals(row.problemField())) {
				reject(row, byLine, "", row.problem());
				return;
			}
			List<Violation> problems = new ArrayList<>();
			Long id = id(row, problems);
			ObjectNode feature = json.createObjectNode();
			feature.put("type", "Feature");
			Reason geometryProblem = row.problem();
			if (geometryProblem == null && row.geometry() != null) {
				JsonNode geometry = wgs84(row.geometry());
				if (geometry == null) {
					geometryProblem = Reason.of(GeometryError.NOT_TRANSFORMABLE, "crs", crs == null ? null : crs.code());
				}
				feature.set("geometry", geometry);
			}
			else {
				feature.putNull("geometry");
			}
			ObjectNode properties = feature.putObject("properties");
			layer.fields().forEach((field, kind) -> {
				String column = mapping.column(field);
				String cell = column == null ? layer.unmapped(field) : row.cells().get(column);
				if (cell != null) {
					properties.set(field, value(kind, cell));
				}
			});
			Object draft = null;
			try {
				draft = target.read(feature, geometries);
			}
			catch (InvalidRequestException ex) {
				problems.addAll(ex.violations());
			}
			if (geometryProblem != null) {
				problems.removeIf(violation -> violation.field().startsWith("geometry"));
				problems.add(new Violation("geometry", geometryProblem));
			}
			if (!problems.isEmpty()) {
				for (Violation violation : problems) {
					reject(row, byLine, violation.field(), violation.reason());
				}
				return;
			}
			batch.add(new Prepared(row, byLine, id, draft));
			if (batch.size() == BATCH) {
				store();
			}
		}

		private Long id(Row row, List<Violation> problems) {
			String column = mapping.column(ImportLayer.ID);
			String cell = column == null ? null : row.cells().get(column);
			if (cell == null) {
				return null;
			}
			String digits = cell.endsWith(".0") ? cell.substring(0, cell.length() - 2) : cell;
			if (!digits.matches("[1-9]\\d{0,17}")) {
				problems.add(new Violation(ImportLayer.ID, ImportError.IMPORT_ID_NOT_NUMBER, "value", cell));
				return null;
			}
			return Long.valueOf(digits);
		}

		// PostGIS transforms; 9 decimals of a degree are a tenth of a millimetre.
		private JsonNode wgs84(Geometry geometry) {
			try {
				String transformed = jdbc.sql("SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromWKB(:wkb), :srid), 4326), 9)")
					.param("wkb", new WKBWriter(2).write(geometry))
					.param("srid", crs.srid())
					.query(String.class)
					.single();
				return json.readTree(transformed);
			}
			catch (DataAccessException | JacksonException ex) {
				return null;
			}
		}

		/** Stores the batch: in one transaction, or when the service refuses a row, row by row. */
		void store() {
			if (batch.isEmpty()) {
				return;
			}
			Set<Long> existing = existing();
			try {
				int[] done = transaction.execute(status -> {
					int[] counts = new int[2];
					for (Prepared row : batch) {
						counts[save(row, existing) ? 1 : 0]++;
					}
					if (dryRun) {
						status.setRollbackOnly();
					}
					return counts;
				});
				created += done[0];
				updated += done[1];
			}
			catch (InvalidRequestException | NotFoundException | ConflictException ex) {
				for (Prepared row : batch) {
					storeAlone(row, existing);
				}
			}
			batch.clear();
		}

		private void storeAlone(Prepared row, Set<Long> existing) {
			try {
				boolean update = Boolean.TRUE.equals(transaction.execute(status -> {
					boolean updating = save(row, existing);
					if (dryRun) {
						status.setRollbackOnly();
					}
					return updating;
				}));
				if (update) {
					updated++;
				}
				else {
					created++;
				}
			}
			catch (InvalidRequestException ex) {
				ex.violations().forEach(violation -> reject(row.row(), row.byLine(), violation.field(), violation.reason()));
			}
			catch (NotFoundException ex) {
				reject(row.row(), row.byLine(), "", ex.reason());
			}
			catch (ConflictException ex) {
				reject(row.row(), row.byLine(), "", ex.reason());
			}
		}

		// True for an update, false for a new item.
		private boolean save(Prepared row, Set<Long> existing) {
			if (row.id() != null && existing.contains(row.id())) {
				target.update(row.id(), row.draft());
				return true;
			}
			target.create(row.draft());
			return false;
		}

		private Set<Long> existing() {
			Long[] ids = batch.stream().map(Prepared::id).filter(java.util.Objects::nonNull).toArray(Long[]::new);
			if (ids.length == 0) {
				return Set.of();
			}
			return new HashSet<>(jdbc.sql(target.existing())
				.param("municipality", municipality)
				.param("ids", ids)
				.query(Long.class)
				.list());
		}

		private void reject(Row row, boolean byLine, String path, Reason reason) {
			rejectedRows.set(row.number());
			if (rejections.size() >= LISTED) {
				return;
			}
			String field = field(path);
			String column = field.equals("geometry") ? row.problemField() : mapping.column(field);
			if (field.equals("geometry") && column == null) {
				column = mapping.column(mapping.column(ImportLayer.WKT) != null ? ImportLayer.WKT : ImportLayer.X);
			}
			rejections.add(new Rejection(byLine ? row.number() : null, byLine ? null : row.number(),
					field.isEmpty() ? null : field, column, reason));
		}

	}

	// "properties.reasons[1]" → "reasons"; "geometry.coordinates" → "geometry".
	private static String field(String path) {
		String field = path.startsWith("properties.") ? path.substring("properties.".length()) : path;
		int end = field.length();
		for (char stop : new char[] { '.', '[' }) {
			int at = field.indexOf(stop);
			end = at < 0 ? end : Math.min(end, at);
		}
		return field.substring(0, end);
	}

	/** A cell as the JSON value the create body has for a field of this kind. */
	private JsonNode value(ImportLayer.Kind kind, String cell) {
		return switch (kind) {
			case TEXT -> json.getNodeFactory().stringNode(cell);
			case BOOLEAN -> switch (cell.toLowerCase(Locale.ROOT)) {
				case "true", "ja", "yes", "sant", "1" -> json.getNodeFactory().booleanNode(true);
				case "false", "nej", "no", "falskt", "0" -> json.getNodeFactory().booleanNode(false);
				default -> json.getNodeFactory().stringNode(cell);
			};
			case CODES, IDS -> list(kind, cell);
		};
	}

	// ["a","b"] (as GeoJSON and our exports write it) or a, b; a; b; a|b (as people do).
	private ArrayNode list(ImportLayer.Kind kind, String cell) {
		if (cell.startsWith("[")) {
			try {
				if (json.readTree(cell) instanceof ArrayNode array) {
					return array;
				}
			}
			catch (JacksonException ex) {
				// then it is a list written by hand
			}
		}
		ArrayNode array = json.createArrayNode();
		Set<String> items = new LinkedHashSet<>();
		for (String item : LIST_SEPARATOR.split(cell.strip())) {
			if (!item.isEmpty()) {
				items.add(item);
			}
		}
		for (String item : items) {
			if (kind == ImportLayer.Kind.IDS && item.matches("\\d{1,18}")) {
				array.add(Long.parseLong(item));
			}
			else {
				array.add(item);
			}
		}
		return array;
	}

}
