package se.trygghetskartan.geo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How large geometries may be, and the extent a municipality starts with.
 *
 * @param extent the municipality's bounding box in lon/lat (minLon, minLat, maxLon, maxLat) at the
 * first start only: from then on admins keep it (the municipality module, {@link MunicipalityExtent})
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

	/** The extent a new municipality gets. */
	public BoundingBox defaultExtent() {
		return new BoundingBox(extent.get(0), extent.get(1), extent.get(2), extent.get(3));
	}

}
