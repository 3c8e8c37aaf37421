package se.trygghetskartan.history;

/** A stored item's state as JSON, with its id and the version its ETag names. */
public interface StoredItem extends Snapshot {

	long id();

}
