package se.trygghetskartan.geo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The background map the web pages show.
 *
 * @param tileUrl a Leaflet tile URL template ({z}/{x}/{y}, optionally {s})
 * @param tileAttribution the tiles' attribution, shown on the map as text
 * @param maxZoom the highest zoom level the tiles offer
 */
@ConfigurationProperties("trygghetskartan.map")
public record MapProperties(String tileUrl, String tileAttribution, int maxZoom) {

	public MapProperties {
		if (maxZoom <= 0) {
			maxZoom = 19;
		}
	}

}
