package se.trygghetskartan.promise;

import se.trygghetskartan.history.ChangeRecorder;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.history.VersionedResource;
import se.trygghetskartan.system.InvalidRequestException;

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

	CommitmentService(CommitmentRepository commitments, PromiseRepository promises, HistoryService history,
			JdbcClient jdbc) {
		this.promises = promises;
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

	private void checkPromise(CommitmentDraft draft) {
		if (!promises.existsById(draft.promiseId())) {
			throw InvalidRequestException.body("promiseId", "no promise with id " + draft.promiseId());
		}
	}

}
