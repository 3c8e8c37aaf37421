package se.trygghetskartan.measure;

import java.util.Arrays;
import java.util.stream.Collectors;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

/**
 * The orders a list of measures comes in ({@code sortby}, as OGC API - Features writes it): by id,
 * by title, or newest completed first (what a resident looks for among the finished). Each ends in
 * the id, so that pages neither overlap nor leave measures out.
 */
public enum MeasureOrder {

	ID("id", "id"), TITLE("title", "lower(title), id"), NEWEST_COMPLETED("-completedOn", "completed_on DESC NULLS LAST, id");

	private final String parameter;

	private final String sql;

	MeasureOrder(String parameter, String sql) {
		this.parameter = parameter;
		this.sql = sql;
	}

	String sql() {
		return sql;
	}

	/** The order a {@code sortby} parameter names (by id when absent), or a 400 naming the orders there are. */
	public static MeasureOrder parameter(String value) {
		if (value == null || value.isBlank()) {
			return ID;
		}
		return Arrays.stream(values())
			.filter(order -> order.parameter.equals(value.strip()))
			.findFirst()
			.orElseThrow(() -> InvalidRequestException.parameter("sortby", RequestError.NOT_ONE_OF, "value", value, "allowed",
					Arrays.stream(values()).map(order -> order.parameter).collect(Collectors.joining(", "))));
	}

}
