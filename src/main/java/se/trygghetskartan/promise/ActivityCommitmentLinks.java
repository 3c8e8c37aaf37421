package se.trygghetskartan.promise;

import se.trygghetskartan.activity.ActivityCommitments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The commitments activities fulfil, for the activity module. */
@Component
class ActivityCommitmentLinks extends CommitmentLinks implements ActivityCommitments {

	ActivityCommitmentLinks(JdbcClient jdbc) {
		super(jdbc, "activity_commitment", "activity_id");
	}

}
