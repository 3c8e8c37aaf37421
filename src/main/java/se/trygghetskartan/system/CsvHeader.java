package se.trygghetskartan.system;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Where a file's header puts each {@link CsvColumn}, and the cells of a record by column. */
public final class CsvHeader {

	private final Map<CsvColumn, Integer> positions = new EnumMap<>(CsvColumn.class);

	/** The known columns among the header's names; a name given twice counts where it comes last. */
	public CsvHeader(List<String> names) {
		for (int i = 0; i < names.size(); i++) {
			CsvColumn column = CsvColumn.named(names.get(i));
			if (column != null) {
				positions.put(column, i);
			}
		}
	}

	public boolean has(CsvColumn column) {
		return positions.containsKey(column);
	}

	/** A 422 naming the first of the columns the header lacks; nothing when it has them all. */
	public void require(CsvColumn... columns) {
		Arrays.stream(columns).filter(column -> !has(column)).findFirst().ifPresent(missing -> {
			throw InvalidRequestException.body("csv", RequestError.MISSING_COLUMN, "column", missing.label(),
					"expected", Arrays.stream(columns).map(CsvColumn::label).toList());
		});
	}

	/**
	 * The column's cell of a record, without surrounding spaces; the column must be in the header. A
	 * line too short to have it is rejected ({@link InvalidValueException}).
	 */
	public String cell(List<String> cells, CsvColumn column) {
		int index = positions.get(column);
		if (index >= cells.size()) {
			throw new InvalidValueException(RequestError.MISSING_CELL, "count", cells.size(), "column", column.label());
		}
		return cells.get(index).trim();
	}

	/** The column's cell, or "" when the header has no such column. */
	public String optional(List<String> cells, CsvColumn column) {
		return has(column) ? cell(cells, column) : "";
	}

}
