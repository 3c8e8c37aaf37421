package se.trygghetskartan.activity;

import java.util.List;

import se.trygghetskartan.neighbourhood.NeighbourhoodReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Walks, dialogues and operations may name the districts they were held in: those must stay. */
@Component
class ActivityDistricts implements NeighbourhoodReferences {

	private final JdbcClient jdbc;

	ActivityDistricts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Reference> referencesTo(long municipalityId, String slug) {
		return jdbc.sql("""
				SELECT a.id, a.title, a.starts_on::text AS starts_on
				FROM activity a JOIN activity_neighbourhood an ON an.activity_id = a.id
				WHERE a.municipality_id = :municipality AND an.slug = :slug ORDER BY a.starts_on, a.id
				""")
			.param("municipality", municipalityId)
			.param("slug", slug)
			.query((rs, row) -> new Reference("activity", rs.getLong("id"), rs.getString("title"),
					rs.getString("starts_on")))
			.list();
	}

}
