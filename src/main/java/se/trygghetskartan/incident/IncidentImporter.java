package se.trygghetskartan.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.Csv;
import se.trygghetskartan.system.DatabaseFailures;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Rejections;
import se.trygghetskartan.system.TextLines;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an incident CSV line by line (never the whole file in memory) and stores it in batches,
 * recording its progress in the import's row. Good lines are kept; each bad line is counted and
 * (the first {@value Rejections#KEPT}) reported with its number and reason, values in reasons cut short.
 *
 * <p>Columns (header row, ';', ',' or a tab): {@code id}, {@code occurred_at} or {@code occurred_from} and
 * {@code occurred_to}, {@code category}, and either {@code lon}/{@code lat} (WGS 84) or {@code x}/{@code y}
 * (also {@code e}/{@code n}, {@code easting}/{@code northing}: SWEREF 99 TM, EPSG:3006); optionally
 * {@code sensitive} (true/false). A category is its code or its Swedish or English name. A time
 * without offset is Swedish local time; a date alone is the whole day. The file is read in the
 * charset its byte order mark or the request names (UTF-8 by default); a line whose bytes do not
 * decode is rejected.
 */
@Component
class IncidentImporter {

	static final int BATCH = 1000;

	private static final Duration RECORD_FAILURE_FOR = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(IncidentImporter.class);

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("id", "id"),
			Map.entry("source_id", "id"), Map.entry("occurred_at", "from"), Map.entry("time", "from"),
			Map.entry("occurred_from", "from"), Map.entry("occurred_to", "to"), Map.entry("category", "category"),
			Map.entry("lon", "lon"), Map.entry("lat", "lat"), Map.entry("longitude", "lon"), Map.entry("latitude", "lat"),
			Map.entry("x", "e"), Map.entry("y", "n"), Map.entry("e", "e"), Map.entry("n", "n"),
			Map.entry("easting", "e"), Map.entry("northing", "n"), Map.entry("sensitive", "sensitive"));

	private final IncidentStore store;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final IncidentImportMetrics metrics;

	private volatile boolean stopping;

	IncidentImporter(IncidentStore store, JdbcClient jdbc, JsonMapper json, IncidentImportMetrics metrics) {
		this.store = store;
		this.jdbc = jdbc;
		this.json = json;
		this.metrics = metrics;
	}

	/**
	 * Imports run in this process; one still "running" when it starts again was cut off by the
	 * restart. Its stored lines stay (a new import of the file adds only what is missing). With
	 * several instances, imports will need an owner before this may run.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void markInterruptedImports() {
		int interrupted = jdbc.sql("""
				UPDATE incident_import SET status = 'failed', finished_at = now(),
				  message = 'Interrupted by a restart of the application; import the file again to add the rest.'
				WHERE status = 'running'
				""").update();
		if (interrupted > 0) {
			log.warn("Marked {} interrupted incident imports as failed", interrupted);
		}
	}

	/** The app is stopping: a failure that cannot be recorded now is left to the next start. */
	@EventListener(ContextClosedEvent.class)
	void stopping() {
		stopping = true;
	}

	/** The header's columns, checked before the import starts so a wrong file fails at once. */
	Map<String, Integer> columns(Path file, Charset declared) {
		try (TextLines reader = new TextLines(Files.newInputStream(file), declared)) {
			return columns(reader.header());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Integer> columns(String header) {
		List<String> names = Csv.split(header, Csv.separator(header));
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String column = ALIASES.get(names.get(i).trim().toLowerCase(Locale.ROOT));
			if (column != null) {
				columns.put(column, i);
			}
		}
		for (String required : List.of("id", "from", "category")) {
			if (!columns.containsKey(required)) {
				throw InvalidRequestException.body("csv", "the header lacks the column '"
						+ Map.of("id", "id", "from", "occurred_at", "category", "category").get(required) + "'");
			}
		}
		boolean wgs84 = columns.containsKey("lon") && columns.containsKey("lat");
		boolean sweref = columns.containsKey("e") && columns.containsKey("n");
		if (wgs84 == sweref) {
			throw InvalidRequestException.body("csv",
					"the header needs either lon and lat (WGS 84) or x and y (SWEREF 99 TM, EPSG:3006)");
		}
		return columns;
	}

	/**
	 * Imports the file into the import row {@code importId}, each stored incident linked to it; the file
	 * is deleted afterwards.
	 */
	void run(long importId, Path file, Charset declared, String source, String user) {
		int lines = 0;
		int imported = 0;
		int duplicates = 0;
		int lastLine = 1;
		Rejections rejections = new Rejections();
		List<IncidentRow> batch = new ArrayList<>(BATCH);
		IncidentImportMetrics.Progress progress = metrics.started();
		try (TextLines reader = new TextLines(Files.newInputStream(file), declared)) {
			String header = reader.header();
			char separator = Csv.separator(header);
			Map<String, Integer> columns = columns(header);
			int srid = columns.containsKey("lon") ? 4326 : 3006;
			while (true) {
				TextLines.Line line = reader.next();
				if (line != null && !(line.decoded() && line.text().isBlank())) {
					lines++;
					lastLine = line.number();
					if (!line.decoded()) {
						rejections.add(line.number(), line.undecodable());
						continue;
					}
					try {
						batch.add(parse(line.number(), Csv.split(line.text(), separator), columns, srid));
					}
					catch (IllegalArgumentException ex) {
						rejections.add(line.number(), ex.getMessage());
					}
				}
				if (batch.size() == BATCH || (line == null && !batch.isEmpty())) {
					IncidentStore.Outcome outcome = store.store(importId, source, user, batch);
					imported += outcome.inserted();
					duplicates += outcome.duplicates();
					for (int outside : outcome.outside()) {
						rejections.add(outside, "outside the municipality");
					}
					batch.clear();
					progress.report(lines, imported, duplicates, rejections.count());
					progress(importId, "running", lines, imported, duplicates, rejections, null);
				}
				if (line == null) {
					break;
				}
			}
			progress.report(lines, imported, duplicates, rejections.count());
			progress(importId, "done", lines, imported, duplicates, rejections, null);
			progress.finished("done");
		}
		catch (IOException | RuntimeException ex) {
			String message;
			if (DatabaseFailures.isOutage(ex)) {
				// Everything before the batch being stored is in; from its first line on nothing is.
				int at = batch.isEmpty() ? lastLine + 1 : batch.get(0).line();
				message = "The database became unavailable at line " + at
						+ "; run the import again: the lines already stored are skipped.";
				log.warn("Incident import {} stopped at line {}: the database became unavailable", importId, at);
			}
			else {
				log.warn("Incident import {} failed", importId, ex);
				message = "The import stopped at line " + (lines + 1) + ": " + ex.getMessage();
			}
			progress.finished("failed");
			recordFailure(importId, lines, imported, duplicates, rejections, message);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete {}", file);
			}
		}
	}

	/**
	 * Records that an import failed. When the database is what failed, the record cannot be written
	 * until it is back: keep trying (a record left "running" could not be undone until the next
	 * restart), for up to an hour or until the app stops; the next start marks it failed then.
	 */
	private void recordFailure(long id, int lines, int imported, int duplicates, Rejections rejections,
			String message) {
		long giveUp = System.nanoTime() + RECORD_FAILURE_FOR.toNanos();
		long pause = 250;
		while (true) {
			try {
				progress(id, "failed", lines, imported, duplicates, rejections, message);
				return;
			}
			catch (RuntimeException ex) {
				if (!DatabaseFailures.isOutage(ex) || System.nanoTime() > giveUp || stopping) {
					log.error("Could not record that incident import {} failed: {}", id, ex.getMessage());
					return;
				}
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				// The app is stopping; the next start marks the import failed.
				Thread.currentThread().interrupt();
				return;
			}
			pause = Math.min(pause * 2, 2_000);
		}
	}

	private void progress(long id, String status, int lines, int imported, int duplicates, Rejections rejections,
			String message) {
		jdbc.sql("""
				UPDATE incident_import SET status = :status, lines = :lines, imported = :imported,
				  duplicates = :duplicates, rejected = :rejected, rejections = CAST(:rejections AS jsonb),
				  message = :message, finished_at = CASE WHEN :status = 'running' THEN NULL ELSE now() END
				WHERE id = :id
				""")
			.param("status", status)
			.param("lines", lines)
			.param("imported", imported)
			.param("duplicates", duplicates)
			.param("rejected", rejections.count())
			.param("rejections", json.writeValueAsString(rejections.kept()))
			.param("message", message)
			.param("id", id)
			.update();
	}

	private static final Set<String> TRUE = Set.of("true", "1", "ja", "yes", "j", "y");

	private static final Set<String> FALSE = Set.of("false", "0", "nej", "no", "n", "");

	static IncidentRow parse(int number, List<String> cells, Map<String, Integer> columns, int srid) {
		String id = cell(cells, columns, "id");
		if (id.isEmpty() || id.length() > 100) {
			throw new IllegalArgumentException("id must be 1 to 100 characters");
		}
		String name = cell(cells, columns, "category");
		IncidentCategory category = IncidentCategory.named(name)
			.orElseThrow(() -> new IllegalArgumentException("category '" + Csv.cut(name) + "' is not "
					+ Codes.allowed(IncidentCategory.class) + ", or their Swedish or English names"));
		OffsetDateTime[] time = time(cell(cells, columns, "from"));
		OffsetDateTime from = time[0];
		OffsetDateTime to = time[1];
		if (columns.containsKey("to") && !cell(cells, columns, "to").isEmpty()) {
			OffsetDateTime[] end = time(cell(cells, columns, "to"));
			to = end[1] != null ? end[1] : end[0];
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("occurred_to is before occurred_from");
			}
		}
		double x = number(cells, columns, srid == 4326 ? "lon" : "e");
		double y = number(cells, columns, srid == 4326 ? "lat" : "n");
		if (srid == 4326 && (x < -180 || x > 180 || y < -90 || y > 90)) {
			throw new IllegalArgumentException("[" + x + ", " + y + "] is not a longitude and latitude");
		}
		if (srid == 3006 && (x < 100_000 || x > 1_000_000 || y < 6_000_000 || y > 7_800_000)) {
			throw new IllegalArgumentException("[" + x + ", " + y + "] is not a SWEREF 99 TM position in Sweden");
		}
		boolean sensitive = false;
		if (columns.containsKey("sensitive")) {
			String flag = cell(cells, columns, "sensitive").toLowerCase(Locale.ROOT);
			if (!TRUE.contains(flag) && !FALSE.contains(flag)) {
				throw new IllegalArgumentException("sensitive '" + Csv.cut(flag) + "' is not true or false");
			}
			sensitive = TRUE.contains(flag);
		}
		return new IncidentRow(number, id, x, y, srid, from, to, category, sensitive);
	}

	// A time (with or without offset; without is Swedish local time) or a date (the whole day).
	private static OffsetDateTime[] time(String text) {
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return new OffsetDateTime[] { day.atStartOfDay(SWEDEN).toOffsetDateTime(),
						day.plusDays(1).atStartOfDay(SWEDEN).minusSeconds(1).toOffsetDateTime() };
			}
			String iso = text.replace(' ', 'T');
			try {
				return new OffsetDateTime[] { OffsetDateTime.parse(iso), null };
			}
			catch (DateTimeParseException ex) {
				return new OffsetDateTime[] { LocalDateTime.parse(iso).atZone(SWEDEN).toOffsetDateTime(), null };
			}
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + Csv.cut(text) + "' is not a date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
		}
	}

	private static double number(List<String> cells, Map<String, Integer> columns, String column) {
		String text = cell(cells, columns, column);
		try {
			double value = Double.parseDouble(text.replace(',', '.'));
			if (!Double.isFinite(value)) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(column + " '" + Csv.cut(text) + "' is not a number");
		}
	}

	private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
		int index = columns.get(column);
		if (index >= cells.size()) {
			throw new IllegalArgumentException("the line has " + cells.size() + " columns; '" + column + "' is missing");
		}
		return cells.get(index).trim();
	}

}
