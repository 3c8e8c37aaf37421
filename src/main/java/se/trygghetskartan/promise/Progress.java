package se.trygghetskartan.promise;

import se.trygghetskartan.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Promises and commitments with their progress, computed by PostgreSQL from the linked measures and
 * activities (read through the views their modules publish) in the views {@code commitment_progress}
 * and {@code promise_overview} (migration V33_2):
 * <ul>
 * <li>a commitment with a countable target: its linked activities of the right kind that have taken
 * place, divided by the target, at most 100 %;</li>
 * <li>any other commitment: the share of its linked measures that are done, rejected ones and
 * drafts left out;</li>
 * <li>a promise: the mean of its commitments weighted by their weight (as Decidim rolls up
 * results);</li>
 * <li>a period: the mean of its promises.</li>
 * </ul>
 * Progress is the public account of a promise, printed in the annual report: a draft measure is
 * not part of it yet, so it counts for no one (planners see the number residents see), and a
 * commitment's measures list it for staff only.
 */
final class Progress {

	/** Common table expressions: {@code cp} (commitments with progress), {@code pp} (promises with progress). */
	static final String PROGRESS = """
			WITH cp AS (
			  SELECT c.*, x.activities_done, x.measures_counted, x.measures_done, x.progress
			  FROM commitment c JOIN commitment_progress x ON x.commitment_id = c.id),
			pp AS (
			  SELECT p.*, po.progress FROM promise p JOIN promise_overview po ON po.id = p.id)
			""";

	static final String COMMITMENT_JSON = """
			json_build_object(
			  'id', cp.id, 'promiseId', cp.promise_id, 'position', cp.position, 'party', cp.party, 'text', cp.text,
			  'weight', cp.weight,
			  'target', CASE WHEN cp.target_count IS NULL THEN NULL ELSE json_build_object('count', cp.target_count,
			    'activity', cp.target_activity, 'operationKind', cp.target_operation_kind) END,
			  'progress', round(cp.progress, 4), 'activitiesDone', cp.activities_done,
			  'measuresDone', cp.measures_done, 'measuresCounted', cp.measures_counted,
			  'measureIds', ARRAY(SELECT mc.measure_id FROM measure_commitment mc JOIN measure_overview m ON m.id = mc.measure_id
			    WHERE mc.commitment_id = cp.id AND (:staff OR m.published) ORDER BY 1),
			  'activityIds', ARRAY(SELECT ac.activity_id FROM activity_commitment ac WHERE ac.commitment_id = cp.id ORDER BY 1),
			  'version', cp.version)
			""";

	static final String PROMISE_JSON = """
			json_build_object(
			  'id', pp.id,
			  'period', CASE WHEN pp.period_start = pp.period_end THEN pp.period_start::text
			    ELSE pp.period_start || '-' || pp.period_end END,
			  'periodStart', pp.period_start, 'periodEnd', pp.period_end, 'party', pp.party, 'title', pp.title,
			  'body', pp.body,
			  'focusNeighbourhoods', COALESCE((SELECT json_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY n.name)
			    FROM promise_neighbourhood pn JOIN neighbourhood_overview n ON n.slug = pn.slug
			    WHERE pn.promise_id = pp.id AND n.municipality_id = pp.municipality_id),
			    '[]'::json),
			  'progress', round(pp.progress, 4),
			  'commitments', COALESCE((SELECT json_agg(%s ORDER BY cp.position, cp.id) FROM cp WHERE cp.promise_id = pp.id),
			    '[]'::json),
			  'version', pp.version)
			""".formatted(COMMITMENT_JSON);

	private Progress() {
	}

	/** One promise ({@code pp}) or commitment ({@code cp}) as JSON, or null; {@code json} is its JSON expression. */
	static StoredJson read(JdbcClient jdbc, String alias, String json, long id) {
		// Only staff change promises, so the history keeps what staff see.
		return jdbc.sql(PROGRESS + "SELECT %1$s.version, %2$s::text AS json FROM %1$s WHERE %1$s.id = :id"
			.formatted(alias, json))
			.param("staff", CurrentUser.isStaff())
			.param("id", id)
			.query((rs, row) -> new StoredJson(id, rs.getLong("version"), rs.getString("json")))
			.optional()
			.orElse(null);
	}

}
