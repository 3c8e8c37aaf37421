package se.trygghetskartan.geo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where geometries may lie and how large they may be.
 *
 * @param extent the municipality's bounding box in lon/lat: minLon, minLat, maxLon, maxLat
 * @param maxVertices the most positions one geometry may have
 */
@ConfigurationProperties("trygghetskartan.geo")
public record GeoProperties(List<Double> extent, int maxVertices) {

	public GeoProperties {
		if (extent == null || extent.size() != 4) {
			throw new IllegalArgumentException("trygghetskartan.geo.extent needs four numbers: minLon,minLat,maxLon,maxLat");
		}
		if (extent.get(0) >= extent.get(2) || extent.get(1) >= extent.get(3)) {
			throw new IllegalArgumentException("trygghetskartan.geo.extent must be minLon,minLat,maxLon,maxLat");
		}
		if (maxVertices <= 0) {
			maxVertices = 10_000;
		}
	}

	boolean contains(double lon, double lat) {
		return lon >= extent.get(0) && lon <= extent.get(2) && lat >= extent.get(1) && lat <= extent.get(3);
	}

	String describeExtent() {
		return "[" + extent.get(0) + ", " + extent.get(1) + ", " + extent.get(2) + ", " + extent.get(3) + "]";
	}

}
