package se.trygghetskartan.neighbourhood;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.trygghetskartan.system.Localized;
import se.trygghetskartan.system.Reason;

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
		List<Repaired> repaired, List<Rejection> rejected, Totals totals) implements Localized {

	/**
	 * A feature that is not stored, and why: as JSON {@code {"feature", "name", "code", "args", "reason"}}.
	 *
	 * @param feature its number in the file, from 1
	 */
	record Rejection(int feature, String name, @JsonUnwrapped Reason reason) {
	}

	/** A feature stored after {@code ST_MakeValid}, and what PostGIS found wrong with it (its code, args and words). */
	record Repaired(int feature, String slug, @JsonUnwrapped Reason reason) {
	}

	record Totals(int features, int added, int replaced, int rejected) {
	}

}
