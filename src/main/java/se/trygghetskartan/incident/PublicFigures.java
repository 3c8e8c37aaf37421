package se.trygghetskartan.incident;

import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

/**
 * Which public incident figures are asked for: a year (null: the latest with incidents), a month of
 * it (null: the whole year) and a category (null: all), as the statistics and the grid's tiles take them.
 */
public record PublicFigures(Integer year, Integer month, IncidentCategory category) {

	/** The figures asked for; 400 naming the parameter that is out of range or unknown. */
	public static PublicFigures of(Integer year, Integer month, String category) {
		if (year != null && (year < 1990 || year > 2100)) {
			throw InvalidRequestException.parameter("year", RequestError.OUT_OF_RANGE, "min", 1990, "max", 2100);
		}
		if (month != null && (month < 1 || month > 12)) {
			throw InvalidRequestException.parameter("month", RequestError.OUT_OF_RANGE, "min", 1, "max", 12);
		}
		return new PublicFigures(year, month,
				category == null ? null : Codes.parameter(IncidentCategory.class, "category", category));
	}

}
