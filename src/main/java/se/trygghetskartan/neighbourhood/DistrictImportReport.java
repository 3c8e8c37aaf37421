package se.trygghetskartan.neighbourhood;

import java.util.List;

/**
 * What an import of districts did, or (dry run) would do: the slugs added and replaced, the areas
 * PostGIS repaired, and each feature refused with a code and a reason.
 *
 * @param crs the CRS the features were read in ("EPSG:3006")
 * @param fileCrs the CRS the file says it is in, or null when it says none
 * @param nameProperty the property the names were taken from, or null when none could be
 * @param properties the file's property names, to choose the name property from
 */
record DistrictImportReport(boolean dryRun, String format, String layer, List<String> layers, String crs,
		String fileCrs, String nameProperty, List<String> properties, List<String> added, List<String> replaced,
		List<Repaired> repaired, List<Rejection> rejected, Totals totals) {

	/**
	 * A feature that is not stored.
	 *
	 * @param feature its number in the file, from 1
	 * @param code {@code no_name}, {@code no_slug}, {@code duplicate_slug}, {@code bad_geometry},
	 * {@code not_lon_lat}, {@code invalid_geometry}, {@code empty_after_repair}, {@code outside_extent}
	 * or {@code not_transformable}
	 */
	record Rejection(int feature, String name, String code, String reason) {
	}

	/** A feature stored after {@code ST_MakeValid}, and what was wrong with it. */
	record Repaired(int feature, String slug, String reason) {
	}

	record Totals(int features, int added, int replaced, int rejected) {
	}

}
