package se.trygghetskartan.promise;

import java.util.List;

import se.trygghetskartan.neighbourhood.NeighbourhoodReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Promises name their focus districts by slug: such a district must stay. */
@Component
class PromiseFocusDistricts implements NeighbourhoodReferences {

	private final JdbcClient jdbc;

	PromiseFocusDistricts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Reference> referencesTo(long municipalityId, String slug) {
		return jdbc.sql("""
				SELECT p.id, p.title, CASE WHEN p.period_start = p.period_end THEN p.period_start::text
				       ELSE p.period_start || '–' || p.period_end END AS period
				FROM promise p JOIN promise_neighbourhood pn ON pn.promise_id = p.id
				WHERE p.municipality_id = :municipality AND pn.slug = :slug ORDER BY p.period_start, p.id
				""")
			.param("municipality", municipalityId)
			.param("slug", slug)
			.query((rs, row) -> new Reference("promise", rs.getLong("id"), rs.getString("title"), rs.getString("period")))
			.list();
	}

}
