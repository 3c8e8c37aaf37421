package se.trygghetskartan.promise;

import se.trygghetskartan.history.ChangeRecorder;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.history.VersionedResource;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.RequestError;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static se.trygghetskartan.promise.Progress.COMMITMENT_JSON;

/** Commitments (löftespunkter) of promises, each with its progress ({@link Progress}). */
@Service
@Transactional(readOnly = true)
public class CommitmentService implements VersionedResource<CommitmentDraft, StoredJson> {

	static final String SUBJECT = "commitment";

	private final PromiseRepository promises;

	private final ChangeRecorder<Commitment, StoredJson> recorder;

	private final JdbcClient jdbc;

	CommitmentService(CommitmentRepository commitments, PromiseRepository promises, HistoryService history,
			JdbcClient jdbc) {
		this.promises = promises;
		this.jdbc = jdbc;
		this.recorder = new ChangeRecorder<>(SUBJECT, commitments,
				id -> Progress.read(jdbc, "cp", COMMITMENT_JSON, id), history);
	}

	@Override
	public StoredJson find(long id) {
		return recorder.read(id);
	}

	@Override
	@Transactional
	public StoredJson create(CommitmentDraft draft) {
		checkPromise(draft);
		return recorder.create(new Commitment(draft));
	}

	@Override
	@Transactional
	public StoredJson update(long id, CommitmentDraft draft, String ifMatch) {
		checkPromise(draft);
		return recorder.update(id, ifMatch, commitment -> commitment.apply(draft));
	}

	@Override
	@Transactional
	public void delete(long id, String ifMatch) {
		recorder.delete(id, ifMatch);
	}

	/**
	 * The commitments a measure fulfils, each with its promise and period, as a JSON array: what a
	 * resident reading about the measure follows up. 404 for a measure the reader may not see.
	 */
	public String commitmentsOf(long measureId) {
		boolean visible = jdbc.sql("SELECT EXISTS (SELECT 1 FROM measure_overview WHERE id = :measure AND (:staff OR published))")
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

	private void checkPromise(CommitmentDraft draft) {
		if (!promises.existsById(draft.promiseId())) {
			throw InvalidRequestException.body("promiseId", RequestError.UNKNOWN_PROMISE, "id", draft.promiseId());
		}
	}

}
