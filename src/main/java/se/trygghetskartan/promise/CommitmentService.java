package se.trygghetskartan.promise;

import se.trygghetskartan.account.Role;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.history.RecordedResource;
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
public class CommitmentService extends RecordedResource<Commitment, CommitmentDraft, StoredJson> {

	static final String SUBJECT = "commitment";

	private final PromiseRepository promises;

	private final JdbcClient jdbc;

	private final Municipalities municipalities;

	CommitmentService(CommitmentRepository commitments, PromiseRepository promises, HistoryService history,
			JdbcClient jdbc, Municipalities municipalities) {
		super(SUBJECT, commitments, Commitment::new, Commitment::apply, history);
		this.promises = promises;
		this.jdbc = jdbc;
		this.municipalities = municipalities;
	}

	// A commitment is its promise's: of its municipality, changed by its planners.
	@Override
	protected void mayChange(Commitment commitment) {
		municipalities.require(Role.PLANNER, municipalityOf(commitment));
	}

	@Override
	protected void mayReadHistory(Commitment commitment) {
		mayChange(commitment);
	}

	@Override
	protected Long owner(Commitment commitment) {
		return municipalityOf(commitment);
	}

	// A deleted commitment's, by the municipality its deletion recorded (or gone with its promise: the
	// installation's planners only).
	@Override
	protected void mayReadDeletedHistory(Long owner) {
		municipalities.requirePlannerOf(owner);
	}

	@Override
	protected void entering(Commitment commitment) {
		municipalities.enter(municipalityOf(commitment));
	}

	private long municipalityOf(Commitment commitment) {
		return promises.findById(commitment.getPromiseId())
			.orElseThrow(() -> new NotFoundException("promise", commitment.getPromiseId()))
			.getMunicipalityId();
	}

	@Override
	public StoredJson find(long id) {
		return recorder.read(id);
	}

	@Override
	protected StoredJson stored(long id) {
		return Progress.read(jdbc, "cp", COMMITMENT_JSON, id);
	}

	/**
	 * The commitments a measure fulfils, each with its promise and period, as a JSON array: what a
	 * resident reading about the measure follows up. 404 for a measure the reader may not see.
	 */
	public String commitmentsOf(long measureId) {
		// Staff see drafts of the municipality they act in only.
		boolean visible = jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM measure_overview WHERE id = :measure
				  AND (published OR (:staff AND municipality_id = :municipality)))""")
			.param("measure", measureId)
			.param("staff", CurrentUser.isStaff())
			.param("municipality", municipalities.currentId())
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

	@Override
	protected void check(CommitmentDraft draft) {
		Promise promise = promises.findById(draft.promiseId())
			.orElseThrow(() -> InvalidRequestException.body("promiseId", RequestError.UNKNOWN_PROMISE, "id",
					draft.promiseId()));
		// The promise it goes to must be one of the user's municipalities too (a commitment moved to
		// another municipality's promise would change that municipality's progress).
		municipalities.require(Role.PLANNER, promise.getMunicipalityId());
	}

}
