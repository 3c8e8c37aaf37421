package se.trygghetskartan.incident;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.ClusterGrid;
import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.GeometryOutput;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents for those who may see them, and for everyone else only what the privacy rule allows:
 * counts per 250 m grid square of SWEREF 99 TM, per year or month, never below {@value #MIN_COUNT},
 * never of sensitive incidents, and never such that published figures can be subtracted to a small
 * count. Per square and category, a year is published whenever it reaches {@value #MIN_COUNT}, and
 * a month when it does; but when the months left unpublished would add up to 1–4 (the year minus
 * the published months), the smallest published month is withheld too, so that the year minus the
 * published months is always 0 or at least {@value #MIN_COUNT}. Withholding a month rather than the
 * year keeps both directions closed: a published month always comes with its year. A count over all
 * categories is the sum of the published category counts, so it hides nothing that could be
 * subtracted out.
 */
@Service
@Transactional(readOnly = true)
public class IncidentService {

	/** The smallest count ever published. */
	public static final int MIN_COUNT = 5;

	private static final String CELL_GEOMETRY = "ST_AsGeoJSON(incident_cell(grid_x, grid_y), 6)::json";

	private static final String INCIDENT = """
			json_build_object('type', 'Feature', 'id', i.id, 'geometry', ST_AsGeoJSON(i.geom, 6)::json,
			  'properties', json_build_object('id', i.id, 'category', i.category, 'occurredFrom', i.occurred_from,
			    'occurredTo', i.occurred_to, 'sensitive', i.sensitive, 'source', i.source, 'sourceId', i.source_id))
			""";

	private final JdbcClient jdbc;

	private final Municipalities municipalities;

	IncidentService(JdbcClient jdbc, Municipalities municipalities) {
		this.jdbc = jdbc;
		this.municipalities = municipalities;
	}

	/**
	 * The request's municipality, whose exact incidents only its police and planners see (by a grant of
	 * it, its police region or the whole installation); 403 for others.
	 */
	private long requireSeesExact() {
		long municipality = municipalities.currentId();
		municipalities.requireStaff(municipality);
		return municipality;
	}

	/** Makes the request about the municipality of the measure (to evaluate it); 404 for no measure. */
	public void enterMeasure(long measureId) {
		municipalities.enter(jdbc.sql("SELECT municipality_id FROM measure_overview WHERE id = :id")
			.param("id", measureId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("measure", measureId)));
	}

	/**
	 * The published counts per grid square for a year (or one month of it), one category or all, of
	 * the request's municipality, within a box or over the whole municipality. Read from the
	 * aggregates through {@code incident_public_grid}, which applies the rule; never from the incidents.
	 */
	public String statistics(int year, Integer month, IncidentCategory category, BoundingBox bbox) {
		Map<String, Object> params = new HashMap<>();
		String within = "NULL";
		if (bbox != null) {
			within = "ST_MakeEnvelope(:bboxMinLon, :bboxMinLat, :bboxMaxLon, :bboxMaxLat, 4326)";
			bbox.bind(params::put);
		}
		return jdbc.sql(GeometryOutput.rewrite("""
				SELECT json_build_object(
				  'type', 'FeatureCollection', 'year', :year, 'month', CAST(:month AS int),
				  'category', COALESCE(CAST(:category AS text), 'all'), 'cellSize', %d, 'minCount', :min,
				  'features', COALESCE(json_agg(json_build_object('type', 'Feature', 'id', grid_x || ':' || grid_y,
				    'geometry', ST_AsGeoJSON(cell, 6)::json,
				    'properties', json_build_object('cell', grid_x || ':' || grid_y, 'count', count))
				    ORDER BY grid_x, grid_y), '[]'::json))::text
				FROM incident_public_grid(:municipality, %s, :year, CAST(:month AS int), CAST(:category AS text))
				""".formatted(IncidentStore.CELL, within)))
			.params(params)
			.param("municipality", municipalities.currentId())
			.param("year", year)
			.param("month", month)
			.param("category", category == null ? null : Codes.of(category))
			.param("min", MIN_COUNT)
			.query(String.class)
			.single();
	}

	/** The years that have published incident counts in the request's municipality, newest first. */
	public List<Integer> years() {
		return jdbc.sql("""
				SELECT DISTINCT extract(year FROM month)::int AS year FROM incident_aggregate
				WHERE municipality_id = :municipality ORDER BY year DESC
				""").param("municipality", municipalities.currentId()).query(Integer.class).list();
	}

	/** Exact incidents: only for the police and planners. */
	public String exact(BoundingBox bbox, LocalDate from, LocalDate to, IncidentCategory category, Page page) {
		return exact(bbox, from, to, category).collection(jdbc, page);
	}

	/** The exact incident of that id as a FeatureCollection (empty when there is none): only for the police and planners. */
	public String exactById(long id) {
		return exact(null, null, null, null).where("i.id = :id").param("id", id).collection(jdbc, new Page(1, 0));
	}

	/** Exact incidents, for a file: only for the police and planners. */
	public FeatureSource exported(BoundingBox bbox, LocalDate from, LocalDate to, IncidentCategory category) {
		return new FeatureSource(exact(bbox, from, to, category), "i.geom", jdbc);
	}

	/** How many exact incidents lie in each cell of a map's grid: only for the police and planners. */
	public String clusters(ClusterGrid grid, LocalDate from, LocalDate to, IncidentCategory category) {
		return exact(grid.box(), from, to, category).clusters(jdbc, "i.geom", grid);
	}

	private FeatureQuery exact(BoundingBox bbox, LocalDate from, LocalDate to, IncidentCategory category) {
		FeatureQuery query = new FeatureQuery("incident", "i", INCIDENT).within(bbox, "i.geom")
			.where("i.municipality_id = :municipality")
			.param("municipality", requireSeesExact());
		if (from != null) {
			query.where("i.occurred_from >= CAST(:from AS date)").param("from", from);
		}
		if (to != null) {
			query.where("i.occurred_from < CAST(:to AS date) + 1").param("to", to);
		}
		if (category != null) {
			query.where("i.category = :category").param("category", Codes.of(category));
		}
		return query;
	}

	/** How far a hotspot's nearest unsafe place may be for the hotspot to be named after it (metres). */
	static final int NEAR_PLACE = 750;

	/**
	 * The grid squares with most incidents in a period: only for the police and planners. Each is
	 * named from our own data (a reverse lookup, no outside service): the district it lies in most
	 * and the nearest published unsafe place in that district within {@link #NEAR_PLACE} metres, with
	 * the direction from the place to the square's centre (null when the centre is at the place, within 25 m), so
	 * that two squares near one place can be told apart.
	 */
	public String hotspots(LocalDate from, LocalDate to, IncidentCategory category, int limit) {
		return jdbc.sql("""
				WITH cells AS (
				  SELECT grid_x, grid_y, sum(c) AS n,
				         json_object_agg(category, c) AS categories
				  FROM (SELECT grid_x, grid_y, category, count(*) AS c FROM incident
				        WHERE municipality_id = :municipality AND occurred_from >= CAST(:from AS date) AND occurred_from < CAST(:to AS date) + 1
				          AND (CAST(:category AS text) IS NULL OR category = :category)
				        GROUP BY grid_x, grid_y, category) per_category
				  GROUP BY grid_x, grid_y
				  ORDER BY n DESC, grid_x, grid_y
				  LIMIT :limit),
				squares AS (
				  SELECT cells.*, ST_MakeEnvelope(grid_x * %2$d, grid_y * %2$d, (grid_x + 1) * %2$d, (grid_y + 1) * %2$d,
				    3006) AS square
				  FROM cells),
				named AS (
				  SELECT s.*, d.slug, d.name AS district, near.id AS place_id, near.name AS place, near.direction
				  FROM squares s
				  LEFT JOIN LATERAL (
				    SELECT nb.slug, nb.name, nb.geom FROM neighbourhood_overview nb
				    WHERE nb.municipality_id = :municipality AND ST_Intersects(nb.geom, ST_Transform(s.square, 4326))
				    ORDER BY ST_Area(ST_Intersection(nb.geom, ST_Transform(s.square, 4326))) DESC, nb.slug LIMIT 1) d ON true
				  LEFT JOIN LATERAL (
				    SELECT p.id, p.name,
				      CASE WHEN ST_DWithin(ST_Transform(p.geom, 3006), ST_Centroid(s.square), 25) THEN NULL
				        ELSE (ARRAY['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'])[(round(degrees(ST_Azimuth(
				          ST_ClosestPoint(ST_Transform(p.geom, 3006), ST_Centroid(s.square)), ST_Centroid(s.square))) / 45)::int
				          %% 8) + 1] END AS direction
				    FROM place_overview p
				    WHERE p.published AND p.municipality_id = :municipality AND ST_Intersects(p.geom, d.geom)
				      AND ST_DWithin(ST_Transform(p.geom, 3006), ST_Centroid(s.square), :near)
				    ORDER BY ST_Transform(p.geom, 3006) <-> ST_Centroid(s.square), p.id LIMIT 1) near ON true)
				SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(
				  json_build_object('type', 'Feature', 'id', grid_x || ':' || grid_y, 'geometry', %1$s,
				    'properties', json_build_object('cell', grid_x || ':' || grid_y, 'count', n, 'categories', categories,
				      'district', CASE WHEN slug IS NULL THEN NULL ELSE json_build_object('slug', slug, 'name', district) END,
				      'nearestPlace', CASE WHEN place_id IS NULL THEN NULL
				        ELSE json_build_object('id', place_id, 'name', place, 'direction', direction) END,
				      'neighbourhoods', COALESCE((SELECT json_agg(json_build_object('slug', nb.slug, 'name', nb.name))
				        FROM neighbourhood_overview nb WHERE nb.municipality_id = :municipality
				        AND ST_Intersects(nb.geom, ST_Transform(square, 4326))), '[]'::json)))
				  ORDER BY n DESC, grid_x, grid_y), '[]'::json))::text
				FROM named
				""".formatted(CELL_GEOMETRY, IncidentStore.CELL))
			.param("municipality", requireSeesExact())
			.param("from", from)
			.param("to", to)
			.param("category", category == null ? null : Codes.of(category))
			.param("limit", limit)
			.param("near", NEAR_PLACE)
			.query(String.class)
			.single();
	}

	/** Counts for the evaluation of a measure; {@link Evaluation} makes sense of them. */
	public Evaluation evaluation(long measureId, int months, int buffer, List<IncidentCategory> categories,
			boolean exact) {
		String[] codes = (categories.isEmpty() ? Arrays.asList(IncidentCategory.values()) : categories).stream()
			.map(Codes::of)
			.toArray(String[]::new);
		record Row(LocalDate completedOn, String title, String districtSlug, String districtName, long areaBefore,
				long areaAfter, long comparisonBefore, long comparisonAfter) {
		}
		Row row = jdbc.sql("""
				WITH m AS (SELECT id, title, completed_on, municipality_id FROM measure_overview
				           WHERE id = :id AND (:staff OR published)),
				extent AS (SELECT CASE WHEN :staff THEN e.geom ELSE e.published_geom END AS geom
				           FROM measure_extent e WHERE e.measure_id = :id),
				area AS (SELECT ST_Transform(ST_Buffer(ST_Transform(geom, 3006), :buffer), 4326) AS geom
				         FROM extent WHERE geom IS NOT NULL),
				district AS (SELECT n.slug, n.name, n.geom, n.municipality_id FROM neighbourhood_overview n, area, m
				             WHERE n.municipality_id = m.municipality_id AND ST_Intersects(n.geom, area.geom)
				             ORDER BY ST_Area(ST_Intersection(n.geom, area.geom)) DESC LIMIT 1),
				comparison AS (SELECT ST_Difference(district.geom, area.geom) AS geom FROM district, area),
				span AS (SELECT make_timestamptz(extract(year FROM completed_on)::int, extract(month FROM completed_on)::int,
				             extract(day FROM completed_on)::int, 0, 0, 0, 'Europe/Stockholm') AS d FROM m),
				counted AS (
				  SELECT
				    count(*) FILTER (WHERE ST_Intersects(i.geom, area.geom) AND i.occurred_from < w.d) AS area_before,
				    count(*) FILTER (WHERE ST_Intersects(i.geom, area.geom) AND i.occurred_from >= w.d) AS area_after,
				    count(*) FILTER (WHERE ST_Intersects(i.geom, c.geom) AND i.occurred_from < w.d) AS comparison_before,
				    count(*) FILTER (WHERE ST_Intersects(i.geom, c.geom) AND i.occurred_from >= w.d) AS comparison_after
				  FROM incident i, area, span w, comparison c, district
				  WHERE i.municipality_id = district.municipality_id AND i.geom && district.geom AND NOT i.sensitive AND i.category = ANY(CAST(:codes AS text[]))
				    AND i.occurred_from >= w.d - make_interval(months => :months)
				    AND i.occurred_from < w.d + make_interval(months => :months))
				SELECT m.completed_on, m.title, district.slug, district.name, counted.*
				FROM m LEFT JOIN district ON true LEFT JOIN counted ON true
				""")
			.param("id", measureId)
			// The public evaluates published measures only, where their published places are.
			.param("staff", CurrentUser.isStaff())
			.param("buffer", buffer)
			.param("months", months)
			.param("codes", "{" + String.join(",", codes) + "}")
			.query((rs, n) -> new Row(rs.getObject("completed_on", LocalDate.class), rs.getString("title"),
					rs.getString("slug"), rs.getString("name"), rs.getLong("area_before"), rs.getLong("area_after"),
					rs.getLong("comparison_before"), rs.getLong("comparison_after")))
			.optional()
			.orElseThrow(() -> new NotFoundException("measure", measureId));
		String survey = row.districtSlug() == null || row.completedOn() == null ? "[]" : jdbc.sql("""
				SELECT COALESCE(json_agg(json_build_object('indicator', indicator, 'before', before, 'after', after)
				  ORDER BY indicator), '[]'::json)::text FROM (
				  SELECT i.indicator,
				    (SELECT json_build_object('year', year, 'value', value, 'respondents', respondents)
				       FROM survey_overview r WHERE r.municipality_id = :municipality AND r.neighbourhood = :slug
				         AND r.indicator = i.indicator AND r.year < :year
				       ORDER BY year DESC LIMIT 1) AS before,
				    (SELECT json_build_object('year', year, 'value', value, 'respondents', respondents)
				       FROM survey_overview r WHERE r.municipality_id = :municipality AND r.neighbourhood = :slug
				         AND r.indicator = i.indicator AND r.year > :year
				       ORDER BY year LIMIT 1) AS after
				  FROM (SELECT DISTINCT indicator FROM survey_overview
				        WHERE municipality_id = :municipality AND neighbourhood = :slug) i) pairs
				""").param("municipality", municipalities.currentId()).param("slug", row.districtSlug()).param("year", row.completedOn().getYear()).query(String.class).single();
		return new Evaluation(measureId, row.title(), row.completedOn(), months, buffer, Arrays.asList(codes),
				row.districtName(), row.areaBefore(), row.areaAfter(), row.comparisonBefore(), row.comparisonAfter(),
				survey, exact);
	}

}
