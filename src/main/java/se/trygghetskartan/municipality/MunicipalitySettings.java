package se.trygghetskartan.municipality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.geo.BoundingBox;

/**
 * A municipality's settings as they are now.
 *
 * @param code its official four-digit code (SCB's kommunkod), or null
 * @param startView where the maps start; null: they fit the extent
 * @param contactEmail where residents write about the service; null: the about page says to contact the
 * municipality
 * @param accessibilityContact an e-mail address or a web form's https:// address for reports of
 * inaccessible content; null: the contact e-mail
 */
public record MunicipalitySettings(long id, long version, String slug, String name, String code, BoundingBox extent,
		StartView startView, String tileUrl, String tileAttribution, int maxZoom, String contactEmail,
		String accessibilityContact) {

	/** A map's centre (lon/lat) and zoom level. */
	public record StartView(double lon, double lat, double zoom) {
	}

	/** What {@code GET /api/config} answers, and what the history records. */
	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.put("slug", slug);
		json.put("name", name);
		json.put("code", code);
		json.put("tileUrl", tileUrl);
		json.put("tileAttribution", tileAttribution);
		json.put("maxZoom", maxZoom);
		json.put("extent", extent.toList());
		json.put("startView", startView == null ? null
				: Map.of("center", List.of(startView.lon(), startView.lat()), "zoom", startView.zoom()));
		json.put("contactEmail", contactEmail);
		json.put("accessibilityContact", accessibilityContact);
		json.put("version", version);
		return json;
	}

}
