package se.trygghetskartan.promise;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.history.ChangeRecorder;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.history.Snapshot;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promises with their commitments and progress, computed by PostgreSQL from the linked measures
 * and activities:
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
@Service
@Transactional(readOnly = true)
public class PromiseService {

	static final String PROMISE = "promise";

	static final String COMMITMENT = "commitment";

	private static final String PROGRESS = """
			WITH counted AS (
			  SELECT c.*,
			    (SELECT count(*) FROM activity_commitment ac JOIN activity a ON a.id = ac.activity_id
			      WHERE ac.commitment_id = c.id AND a.kind = c.target_activity
			        AND (c.target_operation_kind IS NULL OR a.operation_kind = c.target_operation_kind)
			        AND a.starts_on <= current_date) AS activities_done,
			    (SELECT count(*) FROM measure_commitment mc JOIN measure m ON m.id = mc.measure_id
			      WHERE mc.commitment_id = c.id AND m.published AND m.status <> 'rejected') AS measures_counted,
			    (SELECT count(*) FROM measure_commitment mc JOIN measure m ON m.id = mc.measure_id
			      WHERE mc.commitment_id = c.id AND m.published AND m.status = 'done') AS measures_done
			  FROM commitment c),
			cp AS (
			  SELECT counted.*, CASE
			    WHEN target_count IS NOT NULL THEN LEAST(1.0, activities_done::numeric / target_count)
			    WHEN measures_counted > 0 THEN measures_done::numeric / measures_counted
			    ELSE 0 END AS progress
			  FROM counted),
			pp AS (
			  SELECT p.*, COALESCE((SELECT sum(cp.weight * cp.progress) / sum(cp.weight) FROM cp
			    WHERE cp.promise_id = p.id), 0) AS progress
			  FROM promise p)
			""";

	static final String COMMITMENT_JSON = """
			json_build_object(
			  'id', cp.id, 'promiseId', cp.promise_id, 'position', cp.position, 'party', cp.party, 'text', cp.text,
			  'weight', cp.weight,
			  'target', CASE WHEN cp.target_count IS NULL THEN NULL ELSE json_build_object('count', cp.target_count,
			    'activity', cp.target_activity, 'operationKind', cp.target_operation_kind) END,
			  'progress', round(cp.progress, 4), 'activitiesDone', cp.activities_done,
			  'measuresDone', cp.measures_done, 'measuresCounted', cp.measures_counted,
			  'measureIds', ARRAY(SELECT mc.measure_id FROM measure_commitment mc JOIN measure m ON m.id = mc.measure_id
			    WHERE mc.commitment_id = cp.id AND (:staff OR m.published) ORDER BY 1),
			  'activityIds', ARRAY(SELECT ac.activity_id FROM activity_commitment ac WHERE ac.commitment_id = cp.id ORDER BY 1),
			  'version', cp.version)
			""";

	private static final String PROMISE_JSON = """
			json_build_object(
			  'id', pp.id,
			  'period', CASE WHEN pp.period_start = pp.period_end THEN pp.period_start::text
			    ELSE pp.period_start || '-' || pp.period_end END,
			  'periodStart', pp.period_start, 'periodEnd', pp.period_end, 'party', pp.party, 'title', pp.title,
			  'body', pp.body,
			  'focusNeighbourhoods', COALESCE((SELECT json_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY n.name)
			    FROM promise_neighbourhood pn JOIN neighbourhood n ON n.slug = pn.slug WHERE pn.promise_id = pp.id), '[]'::json),
			  'progress', round(pp.progress, 4),
			  'commitments', COALESCE((SELECT json_agg(%s ORDER BY cp.position, cp.id) FROM cp WHERE cp.promise_id = pp.id),
			    '[]'::json),
			  'version', pp.version)
			""".formatted(COMMITMENT_JSON);

	private final PromiseRepository promises;

	private final GeometryService geometries;

	private final JdbcClient jdbc;

	private final ChangeRecorder<Promise, Versioned> promiseRecorder;

	private final ChangeRecorder<Commitment, Versioned> commitmentRecorder;

	PromiseService(PromiseRepository promises, CommitmentRepository commitments, GeometryService geometries,
			HistoryService history, JdbcClient jdbc) {
		this.promises = promises;
		this.geometries = geometries;
		this.jdbc = jdbc;
		this.promiseRecorder = new ChangeRecorder<>(PROMISE, promises,
				id -> read("SELECT pp.version, " + PROMISE_JSON + "::text AS json FROM pp WHERE pp.id = :id", id), history);
		this.commitmentRecorder = new ChangeRecorder<>(COMMITMENT, commitments,
				id -> read("SELECT cp.version, " + COMMITMENT_JSON + "::text AS json FROM cp WHERE cp.id = :id", id),
				history);
	}

	/** The periods that have promises, newest first, each with its progress. */
	public String periods() {
		return jdbc.sql(PROGRESS + """
				SELECT COALESCE(json_agg(json_build_object(
				  'period', CASE WHEN s = e THEN s::text ELSE s || '-' || e END, 'periodStart', s, 'periodEnd', e,
				  'promiseCount', n, 'progress', round(progress, 4),
				  'focusNeighbourhoods', ARRAY(SELECT DISTINCT pn.slug FROM promise_neighbourhood pn
				    JOIN promise fp ON fp.id = pn.promise_id WHERE fp.period_start = s AND fp.period_end = e ORDER BY 1))
				  ORDER BY s DESC, e DESC), '[]'::json)::text
				FROM (SELECT period_start AS s, period_end AS e, count(*) AS n, avg(progress) AS progress
				      FROM pp GROUP BY period_start, period_end) periods
				""").query(String.class).single();
	}

	/** A period's promises with their commitments and progress. */
	public String period(Period period) {
		return jdbc.sql(PROGRESS + """
				SELECT json_build_object('period', :code, 'periodStart', :start, 'periodEnd', :end,
				  'progress', round(COALESCE(avg(pp.progress), 0), 4),
				  'promises', COALESCE(json_agg(%s ORDER BY pp.id), '[]'::json))::text
				FROM pp WHERE pp.period_start = :start AND pp.period_end = :end
				""".formatted(PROMISE_JSON))
			.param("staff", CurrentUser.isStaff())
			.param("code", period.code())
			.param("start", period.start())
			.param("end", period.end())
			.query(String.class)
			.single();
	}

	public Versioned promise(long id) {
		return promiseRecorder.read(id);
	}

	public Versioned commitment(long id) {
		return commitmentRecorder.read(id);
	}

	private Versioned read(String sql, long id) {
		// Only staff change promises, so the history keeps what staff see.
		return jdbc.sql(PROGRESS + sql)
			.param("staff", CurrentUser.isStaff())
			.param("id", id)
			.query((rs, row) -> new Versioned(id, rs.getLong("version"), rs.getString("json")))
			.optional()
			.orElse(null);
	}

	/**
	 * The commitments a measure fulfils, each with its promise and period, as a JSON array: what a
	 * resident reading about the measure follows up. 404 for a measure the reader may not see.
	 */
	public String commitmentsOf(long measureId) {
		// The measure module builds on nothing of this one; which measures a reader sees is asked by SQL.
		boolean visible = jdbc.sql("SELECT EXISTS (SELECT 1 FROM measure WHERE id = :measure AND (:staff OR published))")
			.param("measure", measureId)
			.param("staff", CurrentUser.isStaff())
			.query(Boolean.class)
			.single();
		if (!visible) {
			throw new NotFoundException("measure", measureId);
		}
		return jdbc.sql("""
				SELECT COALESCE(json_agg(json_build_object('id', c.id, 'text', c.text, 'party', c.party,
				  'promiseId', p.id, 'promiseTitle', p.title,
				  'period', CASE WHEN p.period_start = p.period_end THEN p.period_start::text
				    ELSE p.period_start || '-' || p.period_end END)
				  ORDER BY p.period_start DESC, p.id, c.position, c.id), '[]'::json)::text
				FROM measure_commitment mc JOIN commitment c ON c.id = mc.commitment_id
				  JOIN promise p ON p.id = c.promise_id
				WHERE mc.measure_id = :measure
				""")
			.param("measure", measureId)
			.query(String.class)
			.single();
	}

	/** A stored promise or commitment as JSON, with the version its ETag names. */
	public record Versioned(long id, long version, String json) implements Snapshot {
	}

	@Transactional
	public Versioned createPromise(JsonNode body) {
		return promiseRecorder.create(new Promise(PromiseDrafts.promise(body, geometries, this::missingNeighbourhoods)));
	}

	@Transactional
	public Versioned updatePromise(long id, JsonNode body, String ifMatch) {
		return promiseRecorder.update(id, ifMatch,
				promise -> promise.apply(PromiseDrafts.promise(body, geometries, this::missingNeighbourhoods)));
	}

	@Transactional
	public void deletePromise(long id, String ifMatch) {
		promiseRecorder.delete(id, ifMatch);
	}

	@Transactional
	public Versioned createCommitment(JsonNode body) {
		return commitmentRecorder.create(new Commitment(PromiseDrafts.commitment(body, geometries, promises::existsById)));
	}

	@Transactional
	public Versioned updateCommitment(long id, JsonNode body, String ifMatch) {
		return commitmentRecorder.update(id, ifMatch,
				commitment -> commitment.apply(PromiseDrafts.commitment(body, geometries, promises::existsById)));
	}

	@Transactional
	public void deleteCommitment(long id, String ifMatch) {
		commitmentRecorder.delete(id, ifMatch);
	}

	/** Rows of the annual follow-up as CSV: each commitment, its progress and linked measures. */
	public List<Map<String, Object>> followUpRows(Period period) {
		return jdbc.sql(PROGRESS + """
				SELECT pp.title AS promise, cp.party, cp.text AS commitment, cp.target_count, cp.target_activity,
				  cp.activities_done, cp.measures_done, cp.measures_counted, round(cp.progress * 100) AS percent,
				  (SELECT string_agg(m.title || ' (' || m.status || ')', ' | ' ORDER BY m.title)
				     FROM measure_commitment mc JOIN measure m ON m.id = mc.measure_id
				     WHERE mc.commitment_id = cp.id AND m.published) AS measures
				FROM cp JOIN pp ON pp.id = cp.promise_id
				WHERE pp.period_start = :start AND pp.period_end = :end
				ORDER BY pp.id, cp.position, cp.id
				""").param("start", period.start()).param("end", period.end()).query().listOfRows();
	}

	private Set<String> missingNeighbourhoods(Set<String> slugs) {
		Set<String> missing = new HashSet<>(slugs);
		missing.removeAll(jdbc.sql("SELECT slug FROM neighbourhood WHERE slug IN (:slugs)")
			.param("slugs", List.copyOf(slugs))
			.query(String.class)
			.list());
		return missing;
	}

}
