package se.trygghetskartan.activity;

import java.util.Collection;
import java.util.Set;

/**
 * The commitments (löftespunkter) an activity fulfils. The promise module builds on this one and keeps
 * the links (they count towards its progress), so it implements this interface; this module names
 * none of its tables. Reads are SQL so that a list of activities stays one statement.
 */
public interface ActivityCommitments {

	/**
	 * An SQL expression: the ids ({@code bigint[]}, ascending) of the commitments the activity whose id
	 * is the SQL expression {@code activityId} is linked to.
	 */
	String commitmentIds(String activityId);

	/** Which of these ids name no commitment. */
	Set<Long> missing(Collection<Long> ids);

	/** The ids of the municipalities these commitments' promises belong to. */
	Set<Long> municipalitiesOf(Collection<Long> ids);

	/** Links the activity to exactly these commitments. */
	void link(long activityId, Set<Long> commitmentIds);

}
