package se.trygghetskartan.exchange;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.trygghetskartan.system.Localized;
import se.trygghetskartan.system.Reason;

/**
 * What an import of places or measures did, or (dry run) would do: how many rows it read, created,
 * updated and rejected, and for each rejected row every reason, with its field and the file's column.
 *
 * @param crs the CRS the geometries were read in ("EPSG:3006"), or null when none was needed
 * @param fileCrs the CRS the file says it is in, or null when it says none
 * @param columns the file's columns (a GeoJSON file's property names)
 * @param mapping the mapping used: field to column
 * @param rejected the first {@value ImportService#LISTED} reasons
 */
record ImportReport(boolean dryRun, String layer, String format, String table, String crs, String fileCrs,
		List<String> columns, Map<String, String> mapping, Totals totals, List<Rejection> rejected) implements Localized {

	/**
	 * One reason a row is not stored: its line (CSV) or feature number (GeoJSON, GeoPackage), the field
	 * and the column it came from; as JSON {@code {"line"|"feature", "field", "column", "code", "args",
	 * "reason"}}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Rejection(Integer line, Integer feature, String field, String column, @JsonUnwrapped Reason reason) {
	}

	/** @param rejected rows rejected (a row may have several reasons) */
	record Totals(int features, int created, int updated, int rejected) {
	}

}
