package se.trygghetskartan.geo;

/**
 * Items that are drafts, seen by staff only, until a planner publishes them: publishing and
 * unpublishing change nothing else, so a client need not send the whole item (and cannot wipe a
 * field it does not know) to do it.
 */
public interface Publishable {

	/** Publishes or unpublishes the item, if {@code ifMatch} names its current version. */
	StoredFeature publish(long id, boolean published, String ifMatch);

}
