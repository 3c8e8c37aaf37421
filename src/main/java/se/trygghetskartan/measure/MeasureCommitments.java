package se.trygghetskartan.measure;

import java.util.Collection;
import java.util.Set;

/**
 * The commitments (löftespunkter) a measure fulfils. The promise module builds on this one and keeps
 * the links (they count towards its progress), so it implements this interface; this module names
 * none of its tables. Reads are SQL so that a list of measures stays one statement.
 */
public interface MeasureCommitments {

	/**
	 * An SQL expression: the ids ({@code bigint[]}, ascending) of the commitments the measure whose id
	 * is the SQL expression {@code measureId} is linked to.
	 */
	String commitmentIds(String measureId);

	/** Which of these ids name no commitment. */
	Set<Long> missing(Collection<Long> ids);

	/** The ids of the municipalities these commitments' promises belong to. */
	Set<Long> municipalitiesOf(Collection<Long> ids);

	/** Links the measure to exactly these commitments. */
	void link(long measureId, Set<Long> commitmentIds);

}
