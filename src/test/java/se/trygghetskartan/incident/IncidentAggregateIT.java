package se.trygghetskartan.incident;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestIncidentSources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts the public statistics are read from: always what counting the incidents gives, after
 * imports, duplicates, undone imports and a rebuild; and the public grid read from them is what the
 * computation over the incidents gave before there were counts (kept here as the reference).
 */
@IntegrationTest
class IncidentAggregateIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	// The public grid as it was computed from the incidents before the aggregates (2be51a0), with
	// :cells choosing which squares to show (all of them, or those meeting a box).
	private static final String REFERENCE = """
			WITH base AS (
			  SELECT grid_x, grid_y, category,
			         extract(month FROM occurred_from AT TIME ZONE 'Europe/Stockholm')::int AS month, count(*) AS n
			  FROM incident
			  WHERE NOT sensitive
			    AND occurred_from >= make_timestamptz(:year, 1, 1, 0, 0, 0, 'Europe/Stockholm')
			    AND occurred_from < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, 'Europe/Stockholm')
			    AND (CAST(:category AS text) IS NULL OR category = :category)
			  GROUP BY grid_x, grid_y, category, month),
			%s,
			cells AS (SELECT grid_x, grid_y, sum(n) AS n FROM published GROUP BY grid_x, grid_y)
			SELECT json_build_object(
			  'type', 'FeatureCollection', 'year', :year, 'month', CAST(:month AS int),
			  'category', COALESCE(CAST(:category AS text), 'all'), 'cellSize', 250, 'minCount', :min,
			  'features', COALESCE(json_agg(json_build_object('type', 'Feature', 'id', grid_x || ':' || grid_y,
			    'geometry', ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(grid_x * 250, grid_y * 250, (grid_x + 1) * 250,
			      (grid_y + 1) * 250, 3006), 4326), 6)::json,
			    'properties', json_build_object('cell', grid_x || ':' || grid_y, 'count', n))
			    ORDER BY grid_x, grid_y), '[]'::json))::text
			FROM cells
			WHERE CAST(:minLon AS float8) IS NULL OR ST_Intersects(ST_Transform(ST_MakeEnvelope(grid_x * 250, grid_y * 250,
			  (grid_x + 1) * 250, (grid_y + 1) * 250, 3006), 4326), ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326))
			""";

	private static final String YEARLY = """
			published AS (SELECT grid_x, grid_y, category, sum(n) AS n FROM base GROUP BY grid_x, grid_y, category
			              HAVING sum(n) >= :min)
			""";

	private static final String MONTHLY = """
			ranked AS (
			  SELECT grid_x, grid_y, category, month, n,
			         sum(n) OVER square - COALESCE(sum(n) FILTER (WHERE n >= :min) OVER square, 0) AS hidden,
			         row_number() OVER (PARTITION BY grid_x, grid_y, category ORDER BY n >= :min DESC, n, month) AS smallest
			  FROM base WINDOW square AS (PARTITION BY grid_x, grid_y, category)),
			published AS (SELECT grid_x, grid_y, category, n FROM ranked
			              WHERE month = :month AND n >= :min AND NOT (hidden BETWEEN 1 AND :min - 1 AND smallest = 1))
			""";

	// Rows where the aggregates and a count of the incidents differ, either way.
	private static final String DIFFERENCES = """
			WITH counted AS (
			  SELECT municipality_id, date_trunc('month', occurred_from AT TIME ZONE 'Europe/Stockholm')::date AS month,
			         grid_x, grid_y, category, count(*)::int AS count, incident_cell(grid_x, grid_y) AS cell
			  FROM incident WHERE NOT sensitive GROUP BY 1, 2, 3, 4, 5),
			kept AS (SELECT municipality_id, month, grid_x, grid_y, category, count, cell FROM incident_aggregate)
			SELECT 'missing ' || row(d.*)::text FROM (SELECT * FROM counted EXCEPT ALL SELECT * FROM kept) d
			UNION ALL
			SELECT 'extra ' || row(d.*)::text FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM counted) d
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAggregatesAreTheCountOfTheIncidentsAfterImportsDuplicatesUndoAndRebuild() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String source = TestIncidentSources.ensure(planner, "aggregate-test");
		List<IncidentRow> rows = IncidentPrivacyIT.generate(new Random(11), 2011);
		assertThat(rows.stream().filter(IncidentRow::sensitive)).as("some are sensitive, never counted").isNotEmpty();
		long aggregatesBefore = jdbc.sql("SELECT count(*) FROM incident_aggregate").query(Long.class).single();

		long first = imported(planner, source, csv(rows.subList(0, rows.size() * 2 / 3)), rows.size() * 2 / 3, 0);
		assertThat(differences()).as("after an import").isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM incident_aggregate").query(Long.class).single())
			.isGreaterThan(aggregatesBefore);

		// The second file holds the last half: a sixth of it is already there.
		int overlap = rows.size() * 2 / 3 - rows.size() / 2;
		long second = imported(planner, source, csv(rows.subList(rows.size() / 2, rows.size())),
				rows.size() - rows.size() * 2 / 3, overlap);
		assertThat(differences()).as("after a second import with duplicates").isEmpty();

		Response undone = planner.delete("/api/incident-imports/" + first, null);
		assertThat(undone.status()).as(undone.toString()).isEqualTo(204);
		assertThat(differences()).as("after the first import was undone").isEmpty();
		assertThat(planner.delete("/api/incident-imports/" + second, null).status()).isEqualTo(204);
		assertThat(differences()).as("after both were undone").isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM incident_aggregate").query(Long.class).single())
			.as("the squares and months only these imports had are gone").isEqualTo(aggregatesBefore);

		imported(planner, source, csv(rows), rows.size(), 0);
		jdbc.sql("UPDATE incident SET grid_x = grid_x + 1, sensitive = NOT sensitive WHERE source = :source AND id % 3 = 0")
			.param("source", source)
			.update();
		assertThat(differences()).as("after incidents changed by plain SQL").isEmpty();
		long kept = jdbc.sql("SELECT count(*) FROM incident_aggregate").query(Long.class).single();
		assertThat(jdbc.sql("SELECT incident_aggregate_rebuild()").query(Long.class).single()).isEqualTo(kept);
		assertThat(differences()).as("after a rebuild").isEmpty();
		jdbc.sql("DELETE FROM incident WHERE source = :source").param("source", source).update();
		assertThat(differences()).as("after incidents were deleted by plain SQL").isEmpty();
	}

	@Test
	void thePublicGridFromTheAggregatesIsWhatTheIncidentsGaveBeforeWholeAndByBox() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		String source = TestIncidentSources.ensure(planner, "aggregate-grid-test");
		List<IncidentRow> rows = IncidentPrivacyIT.generate(new Random(12), 2012);
		imported(planner, source, csv(rows), rows.size(), 0);
		ApiClient anonymous = new ApiClient(port);
		// The generated squares' south-west corner is at SWEREF 99 TM 568 000 / 6 539 000 (16.2052 / 58.9911);
		// a box over part of them, one over the demo's town, one where nothing is.
		List<double[]> boxes = List.of(new double[] { 16.2060, 58.9915, 16.2100, 58.9935 },
				new double[] { 16.19, 58.985, 16.24, 59.01 }, new double[] { 17.0, 60.0, 17.1, 60.1 });
		int compared = 0;
		for (int year : List.of(2012, 2022, 2024)) {
			for (String category : Arrays.asList(null, "theft", "vandalism")) {
				for (Integer month : Arrays.asList(null, 3, 7, 11)) {
					String query = "/api/incident-statistics?year=" + year + (month == null ? "" : "&month=" + month)
							+ (category == null ? "" : "&category=" + category);
					JsonNode whole = anonymous.get(query).json();
					assertThat(whole).as(query).isEqualTo(reference(year, month, category, null));
					compared += whole.get("features").size();
					for (double[] box : boxes) {
						String bbox = box[0] + "," + box[1] + "," + box[2] + "," + box[3];
						Response answer = anonymous.get(query + "&bbox=" + bbox + "&municipality=" + defaultSlug());
						assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
						assertThat(answer.json()).as(query + "&bbox=" + bbox).isEqualTo(reference(year, month, category, box));
						compared += answer.json().get("features").size();
					}
				}
			}
		}
		assertThat(compared).as("squares published and compared").isGreaterThan(100);
	}

	@Test
	void anUnknownMunicipalityIsRefusedAndItsYearsAreListedFromTheAggregates() {
		ApiClient anonymous = new ApiClient(port);
		Response refused = anonymous.get("/api/incident-statistics?year=2024&municipality=atlantis");
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body()).contains("unknown_municipality");
		assertThat(anonymous.get("/api/incident-statistics/years?municipality=atlantis").status()).isEqualTo(404);
		List<Integer> years = new ArrayList<>();
		anonymous.get("/api/incident-statistics/years?municipality=" + defaultSlug()).json()
			.forEach(y -> years.add(y.intValue()));
		assertThat(years).isEqualTo(jdbc.sql("""
				SELECT DISTINCT extract(year FROM occurred_from AT TIME ZONE 'Europe/Stockholm')::int AS year
				FROM incident WHERE NOT sensitive ORDER BY year DESC
				""").query(Integer.class).list());
	}

	private String defaultSlug() {
		return jdbc.sql("SELECT slug FROM municipality WHERE is_default").query(String.class).single();
	}

	private JsonNode reference(int year, Integer month, String category, double[] box) {
		String json = jdbc.sql(REFERENCE.formatted(month == null ? YEARLY : MONTHLY))
			.param("year", year)
			.param("month", month)
			.param("category", category)
			.param("min", IncidentService.MIN_COUNT)
			.param("minLon", box == null ? null : box[0])
			.param("minLat", box == null ? null : box[1])
			.param("maxLon", box == null ? null : box[2])
			.param("maxLat", box == null ? null : box[3])
			.query(String.class)
			.single();
		return JSON.readTree(json);
	}

	private List<String> differences() {
		return jdbc.sql(DIFFERENCES).query(String.class).list();
	}

	private long imported(ApiClient planner, String source, String csv, int imported, int duplicates) {
		Response report = planner.post("/api/incident-imports?source=" + source + "&wait=true", csv, "text/csv");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.json().get("imported").intValue()).as(report.toString()).isEqualTo(imported);
		assertThat(report.json().get("duplicates").intValue()).as(report.toString()).isEqualTo(duplicates);
		return report.json().get("id").longValue();
	}

	private static String csv(List<IncidentRow> rows) {
		StringBuilder csv = new StringBuilder("id;occurred_from;category;x;y;sensitive\n");
		for (IncidentRow row : rows) {
			csv.append(row.sourceId()).append(';').append(MINUTES.format(row.from().toLocalDateTime())).append(';')
				.append(row.category().name().toLowerCase()).append(';').append(row.x()).append(';').append(row.y())
				.append(';').append(row.sensitive()).append('\n');
		}
		return csv.toString();
	}

}
