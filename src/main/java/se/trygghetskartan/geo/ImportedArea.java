package se.trygghetskartan.geo;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * An imported area as PostGIS judged it: in WGS 84 and inside the extent ({@code area}, perhaps
 * {@code repaired}), or refused with a code and a reason a person can act on.
 *
 * @param problem why the area is refused: {@code invalid_geometry}, {@code empty_after_repair},
 * {@code outside_extent} or {@code not_transformable}; null when it is accepted
 * @param invalidity what PostGIS found wrong with the area as sent, also when it was repaired
 */
public record ImportedArea(MultiPolygon area, boolean repaired, String problem, String reason, String invalidity) {

	static ImportedArea refused(String problem, String reason, String invalidity) {
		return new ImportedArea(null, false, problem, reason, invalidity);
	}

	public boolean accepted() {
		return problem == null;
	}

}
