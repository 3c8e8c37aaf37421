package se.trygghetskartan.ogcapi;

/** One item as a GeoJSON Feature, with the ETag its {@code /api} read gives it (null when it has none). */
public record OgcItem(String json, String etag) {
}
