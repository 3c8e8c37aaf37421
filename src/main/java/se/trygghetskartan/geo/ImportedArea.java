package se.trygghetskartan.geo;

import org.locationtech.jts.geom.MultiPolygon;
import se.trygghetskartan.system.Reason;

/**
 * An imported area as PostGIS judged it: in WGS 84 and inside the extent ({@code area}, perhaps
 * {@code repaired}), or refused with a reason a person can act on.
 *
 * @param problem why the area is refused: {@code invalid_geometry}, {@code empty_after_repair},
 * {@code invalid_after_transform}, {@code outside_extent} or {@code not_transformable}; null when it
 * is accepted
 * @param invalidity what PostGIS found wrong with the area as sent (its code, the position in the
 * file's CRS), also when it was repaired
 */
public record ImportedArea(MultiPolygon area, boolean repaired, Reason problem, Reason invalidity) {

	static ImportedArea refused(Reason problem, Reason invalidity) {
		return new ImportedArea(null, false, problem, invalidity);
	}

	public boolean accepted() {
		return problem == null;
	}

}
