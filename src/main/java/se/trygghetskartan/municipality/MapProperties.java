package se.trygghetskartan.municipality;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The background map a municipality starts with (TRYGGHETSKARTAN_MAP_*); from the first start on,
 * admins keep it in the settings.
 *
 * @param tileUrl a Leaflet tile URL template ({z}/{x}/{y}, optionally {s})
 * @param tileAttribution the tiles' attribution, shown on the map as text
 * @param maxZoom the highest zoom level the tiles offer
 */
@ConfigurationProperties("trygghetskartan.map")
record MapProperties(String tileUrl, String tileAttribution, int maxZoom) {

	public MapProperties {
		if (maxZoom <= 0) {
			maxZoom = 19;
		}
	}

}
