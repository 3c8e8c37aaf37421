package se.trygghetskartan.geo;

/** A stored item as a GeoJSON Feature document, with the version its ETag names. */
public record StoredFeature(long id, long version, String json) {
}
