package se.trygghetskartan.promise;

import se.trygghetskartan.measure.MeasureCommitments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The commitments measures fulfil, for the measure module. */
@Component
class MeasureCommitmentLinks extends CommitmentLinks implements MeasureCommitments {

	MeasureCommitmentLinks(JdbcClient jdbc) {
		super(jdbc, "measure_commitment", "measure_id");
	}

}
