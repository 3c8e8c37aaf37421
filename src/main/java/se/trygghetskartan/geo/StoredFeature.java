package se.trygghetskartan.geo;

import se.trygghetskartan.history.StoredItem;

/** A stored item as a GeoJSON Feature document, with the version its ETag names. */
public record StoredFeature(long id, long version, String json) implements StoredItem {
}
