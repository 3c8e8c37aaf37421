package se.trygghetskartan.overview;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every municipality with its public counts and its promise periods, as JSON made by PostgreSQL in
 * one statement: each count one pass over its view grouped by municipality, so that 290
 * municipalities with 100 000 places answer in a fraction of a second. Only what residents see is
 * counted: published places and measures, every district and promise.
 */
@Service
@Transactional(readOnly = true)
public class MunicipalityOverviews {

	// :slug null: every municipality; else that one, and the counts only its own.
	private static final String OVERVIEW = """
			WITH chosen AS (
			  SELECT * FROM municipality_overview WHERE CAST(:slug AS text) IS NULL OR slug = :slug),
			places AS (
			  SELECT municipality_id, count(*) AS n FROM place_overview
			  WHERE published AND municipality_id IN (SELECT id FROM chosen) GROUP BY municipality_id),
			measures AS (
			  SELECT municipality_id, count(*) AS total,
			    count(*) FILTER (WHERE status = 'proposed') AS proposed,
			    count(*) FILTER (WHERE status = 'planned') AS planned,
			    count(*) FILTER (WHERE status = 'in_progress') AS in_progress,
			    count(*) FILTER (WHERE status = 'done') AS done,
			    count(*) FILTER (WHERE status = 'rejected') AS rejected
			  FROM measure_overview
			  WHERE published AND municipality_id IN (SELECT id FROM chosen) GROUP BY municipality_id),
			districts AS (
			  SELECT municipality_id, count(*) AS n FROM neighbourhood_overview
			  WHERE municipality_id IN (SELECT id FROM chosen) GROUP BY municipality_id),
			periods AS (
			  SELECT municipality_id, json_agg(json_build_object(
			      'period', CASE WHEN s = e THEN s::text ELSE s || '-' || e END, 'periodStart', s, 'periodEnd', e,
			      'promiseCount', n, 'progress', round(progress, 4), 'commitments', commitments,
			      'commitmentsDone', commitments_done) ORDER BY s DESC, e DESC) AS list
			  FROM (SELECT municipality_id, period_start AS s, period_end AS e, count(*) AS n, avg(progress) AS progress,
			          sum(commitments) AS commitments, sum(commitments_done) AS commitments_done
			        FROM promise_overview WHERE municipality_id IN (SELECT id FROM chosen)
			        GROUP BY municipality_id, period_start, period_end) p
			  GROUP BY municipality_id)
			SELECT m.slug, json_build_object(
			  'slug', m.slug, 'name', m.name, 'code', m.code, 'default', m.is_default,
			  'extent', json_build_array(m.min_lon, m.min_lat, m.max_lon, m.max_lat),
			  'startView', CASE WHEN m.start_lon IS NULL THEN NULL ELSE json_build_object(
			    'center', json_build_array(m.start_lon, m.start_lat), 'zoom', m.start_zoom) END,
			  'places', COALESCE(p.n, 0),
			  'districts', COALESCE(d.n, 0),
			  'measures', json_build_object('total', COALESCE(ms.total, 0), 'proposed', COALESCE(ms.proposed, 0),
			    'planned', COALESCE(ms.planned, 0), 'in_progress', COALESCE(ms.in_progress, 0),
			    'done', COALESCE(ms.done, 0), 'rejected', COALESCE(ms.rejected, 0)),
			  'periods', COALESCE(pe.list, '[]'::json))::text AS json
			FROM chosen m
			LEFT JOIN places p ON p.municipality_id = m.id
			LEFT JOIN measures ms ON ms.municipality_id = m.id
			LEFT JOIN districts d ON d.municipality_id = m.id
			LEFT JOIN periods pe ON pe.municipality_id = m.id
			ORDER BY m.name COLLATE "sv-SE-x-icu", m.slug
			""";

	private final JdbcClient jdbc;

	MunicipalityOverviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code {"municipalities": [...]}}: every municipality by name, as {@link #one} gives each. */
	public String all() {
		return "{\"municipalities\":[" + String.join(",", query(null)) + "]}";
	}

	/**
	 * One municipality: slug, name, code, whether it is the default, extent [minLon, minLat, maxLon,
	 * maxLat], start view (or null), counts of published places, of districts and of published
	 * measures by status, and its promise periods newest first (each with its promises, progress
	 * 0–1 and commitments done of all); empty when no municipality has this slug.
	 */
	public Optional<String> one(String slug) {
		return query(slug).stream().findFirst();
	}

	/** Whether a municipality has this slug. */
	public boolean exists(String slug) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM municipality_overview WHERE slug = :slug)")
			.param("slug", slug)
			.query(Boolean.class)
			.single();
	}

	private List<String> query(String slug) {
		return jdbc.sql(OVERVIEW).param("slug", slug).query((rs, row) -> rs.getString("json")).list();
	}

}
