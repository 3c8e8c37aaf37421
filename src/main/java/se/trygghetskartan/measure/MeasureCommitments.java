package se.trygghetskartan.measure;

import se.trygghetskartan.history.ItemLinks;

/**
 * The commitments (löftespunkter) a measure fulfils. The promise module builds on this one and keeps
 * the links (they count towards its progress), so it implements this interface.
 */
public interface MeasureCommitments extends ItemLinks {

}
