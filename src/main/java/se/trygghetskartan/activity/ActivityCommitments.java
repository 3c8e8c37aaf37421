package se.trygghetskartan.activity;

import se.trygghetskartan.history.ItemLinks;

/**
 * The commitments (löftespunkter) an activity fulfils. The promise module builds on this one and keeps
 * the links (they count towards its progress), so it implements this interface.
 */
public interface ActivityCommitments extends ItemLinks {

}
