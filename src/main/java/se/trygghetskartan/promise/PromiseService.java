package se.trygghetskartan.promise;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalityResource;
import se.trygghetskartan.neighbourhood.NeighbourhoodService;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static se.trygghetskartan.promise.Progress.PROGRESS;
import static se.trygghetskartan.promise.Progress.PROMISE_JSON;

/** Promises per period with their progress ({@link Progress}), and the annual follow-up. */
@Service
@Transactional(readOnly = true)
public class PromiseService extends MunicipalityResource<Promise, PromiseDraft, StoredJson> {

	static final String SUBJECT = "promise";

	private final NeighbourhoodService neighbourhoods;

	private final JdbcClient jdbc;

	PromiseService(PromiseRepository promises, NeighbourhoodService neighbourhoods, HistoryService history,
			JdbcClient jdbc, Municipalities municipalities) {
		super(SUBJECT, promises, Promise::new, Promise::apply, history, municipalities);
		this.neighbourhoods = neighbourhoods;
		this.jdbc = jdbc;
	}

	/** The periods that have promises of the request's municipality, newest first, each with its progress. */
	public String periods() {
		return jdbc.sql(PROGRESS + """
				SELECT COALESCE(json_agg(json_build_object(
				  'period', CASE WHEN s = e THEN s::text ELSE s || '-' || e END, 'periodStart', s, 'periodEnd', e,
				  'promiseCount', n, 'progress', round(progress, 4),
				  'focusNeighbourhoods', ARRAY(SELECT DISTINCT pn.slug FROM promise_neighbourhood pn
				    JOIN promise fp ON fp.id = pn.promise_id WHERE fp.municipality_id = :municipality
				    AND fp.period_start = s AND fp.period_end = e ORDER BY 1))
				  ORDER BY s DESC, e DESC), '[]'::json)::text
				FROM (SELECT period_start AS s, period_end AS e, count(*) AS n, avg(progress) AS progress
				      FROM pp WHERE pp.municipality_id = :municipality GROUP BY period_start, period_end) periods
				""").param("municipality", municipalities.currentId()).query(String.class).single();
	}

	/** A period's promises of the request's municipality with their commitments and progress. */
	public String period(Period period) {
		return jdbc.sql(PROGRESS + """
				SELECT json_build_object('period', :code, 'periodStart', :start, 'periodEnd', :end,
				  'progress', round(COALESCE(avg(pp.progress), 0), 4),
				  'promises', COALESCE(json_agg(%s ORDER BY pp.id), '[]'::json))::text
				FROM pp WHERE pp.municipality_id = :municipality AND pp.period_start = :start AND pp.period_end = :end
				""".formatted(PROMISE_JSON))
			.param("municipality", municipalities.currentId())
			.param("staff", CurrentUser.isStaff())
			.param("code", period.code())
			.param("start", period.start())
			.param("end", period.end())
			.query(String.class)
			.single();
	}

	@Override
	public StoredJson find(long id) {
		return recorder.read(id);
	}

	@Override
	protected StoredJson stored(long id) {
		return Progress.read(jdbc, "pp", PROMISE_JSON, id);
	}

	/** Rows of the annual follow-up: each commitment, its progress and linked measures, by column name. */
	public List<Map<String, Object>> followUpRows(Period period) {
		return jdbc.sql(PROGRESS + """
				SELECT pp.title AS promise, cp.party, cp.text AS commitment, cp.target_count, cp.target_activity,
				  cp.activities_done, cp.measures_done, cp.measures_counted, round(cp.progress * 100) AS percent,
				  (SELECT string_agg(m.title || ' (' || m.status || ')', ' | ' ORDER BY m.title)
				     FROM measure_commitment mc JOIN measure_overview m ON m.id = mc.measure_id
				     WHERE mc.commitment_id = cp.id AND m.published) AS measures
				FROM cp JOIN pp ON pp.id = cp.promise_id
				WHERE pp.municipality_id = :municipality AND pp.period_start = :start AND pp.period_end = :end
				ORDER BY pp.id, cp.position, cp.id
				""").param("municipality", municipalities.currentId()).param("start", period.start()).param("end", period.end()).query().listOfRows();
	}

	@Override
	protected void check(PromiseDraft draft) {
		Set<String> missing = new TreeSet<>(draft.focusNeighbourhoods());
		missing.removeAll(neighbourhoods.existing(draft.focusNeighbourhoods()));
		if (!missing.isEmpty()) {
			throw InvalidRequestException.body("focusNeighbourhoods", RequestError.UNKNOWN_DISTRICTS, "ids",
					List.copyOf(missing));
		}
	}

}
