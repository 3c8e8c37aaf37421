package se.trygghetskartan.history;

/**
 * A collection of versioned items, each read, created, replaced and deleted whole; a draft of type
 * {@code D} is what a client sent, already read and checked field by field.
 */
public interface VersionedResource<D, S extends StoredItem> {

	/**
	 * Tells that the request is about this item, before its body is read: the item's municipality
	 * becomes the request's (whose extent its geometry must keep to); 404 when there is none.
	 */
	default void enter(long id) {
	}

	/** The item as this reader may see it; 404 when there is none. */
	S find(long id);

	S create(D draft);

	/** Replaces the item, if {@code ifMatch} names its current version. */
	S update(long id, D draft, String ifMatch);

	/** Deletes the item; an {@code ifMatch}, when sent, must name its current version. */
	void delete(long id, String ifMatch);

}
