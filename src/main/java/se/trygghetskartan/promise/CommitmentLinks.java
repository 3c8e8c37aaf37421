package se.trygghetskartan.promise;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import se.trygghetskartan.history.ItemLinks;
import se.trygghetskartan.system.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of links from another module's items (measures, activities) to commitments. This module
 * keeps them: they count towards its progress, and the modules below it know commitments only
 * through the interfaces they declare, which the subclasses implement.
 */
abstract class CommitmentLinks implements ItemLinks {

	private final JdbcClient jdbc;

	private final String table;

	private final String item;

	/** @param item the table's column with the other module's item id */
	CommitmentLinks(JdbcClient jdbc, String table, String item) {
		this.jdbc = jdbc;
		this.table = table;
		this.item = item;
	}

	@Override
	public String linkedIds(String itemId) {
		return "ARRAY(SELECT l.commitment_id FROM %s l WHERE l.%s = %s ORDER BY 1)".formatted(table, item, itemId);
	}

	@Override
	public Set<Long> missing(Collection<Long> ids) {
		Set<Long> missing = new HashSet<>(ids);
		missing.removeAll(Ids.found(jdbc, "SELECT id FROM commitment WHERE id IN (:ids)", ids));
		return missing;
	}

	@Override
	public Set<Long> municipalitiesOf(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				SELECT DISTINCT p.municipality_id FROM commitment c JOIN promise p ON p.id = c.promise_id WHERE c.id IN (:ids)
				""").param("ids", List.copyOf(ids)).query(Long.class).list());
	}

	@Override
	public void link(long itemId, Set<Long> commitmentIds) {
		jdbc.sql("DELETE FROM %s WHERE %s = :item".formatted(table, item)).param("item", itemId).update();
		if (!commitmentIds.isEmpty()) {
			jdbc.sql("INSERT INTO %s (%s, commitment_id) SELECT :item, unnest(CAST(:ids AS bigint[]))".formatted(table, item))
				.param("item", itemId)
				.param("ids", commitmentIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
				.update();
		}
	}

}
