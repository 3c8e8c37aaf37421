package se.trygghetskartan.system;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Which ids a client sent name rows that exist: what a link to other items is checked against. */
public final class Ids {

	private Ids() {
	}

	/**
	 * The ids that {@code sql} finds, a query of the caller's own table that selects {@code id} among
	 * {@code :ids} ({@code SELECT id FROM measure WHERE id IN (:ids)}); none asked, none asked for.
	 */
	public static Set<Long> found(JdbcClient jdbc, String sql, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql(sql).param("ids", List.copyOf(ids)).query(Long.class).list());
	}

}
