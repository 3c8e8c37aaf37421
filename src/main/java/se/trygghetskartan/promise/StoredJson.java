package se.trygghetskartan.promise;

import se.trygghetskartan.history.StoredItem;

/** A stored promise or commitment as a JSON object, with the version its ETag names. */
public record StoredJson(long id, long version, String json) implements StoredItem {
}
