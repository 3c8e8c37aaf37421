package se.trygghetskartan.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The newest things that happened in a municipality, or in one of its districts. */
@Service
@Transactional(readOnly = true)
public class FeedService {

	/** How many entries a feed holds: readers poll, and what is older they have seen. */
	static final int ENTRIES = 50;

	private final JdbcClient jdbc;

	FeedService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A district of the municipality: its id and name, by slug. */
	record District(long id, String name) {
	}

	Optional<District> district(long municipality, String slug) {
		return jdbc.sql("SELECT id, name FROM neighbourhood_overview WHERE municipality_id = :municipality AND slug = :slug")
			.param("municipality", municipality)
			.param("slug", slug)
			.query((rs, row) -> new District(rs.getLong("id"), rs.getString("name")))
			.optional();
	}

	/** The newest entries, newest first: of the whole municipality, or of the district when there is one. */
	List<FeedEntry> entries(long municipality, Long district) {
		return jdbc.sql("""
				SELECT * FROM (
				  SELECT 'measure-' || e.measure_id || '-' || e.position AS key, 'measure' AS kind, e.measure_id AS item,
				         e.status AS what, e.title, e.note AS summary, e.changed_on AS day
				  FROM measure_status_event e
				  WHERE e.municipality_id = :municipality AND e.changed_on <= current_date
				    AND (CAST(:district AS bigint) IS NULL OR CAST(:district AS bigint) = ANY(e.neighbourhood_ids))
				  UNION ALL
				  SELECT 'activity-' || a.id, 'activity', a.id, a.kind, a.title, NULL, a.starts_on
				  FROM activity_event a
				  WHERE a.municipality_id = :municipality AND a.starts_on <= current_date
				    AND (CAST(:district AS bigint) IS NULL OR CAST(:district AS bigint) = ANY(a.neighbourhood_ids))
				) happened
				ORDER BY day DESC, key DESC
				LIMIT :entries
				""")
			.param("municipality", municipality)
			.param("district", district)
			.param("entries", ENTRIES)
			.query((rs, row) -> new FeedEntry(rs.getString("key"), rs.getString("kind"), rs.getLong("item"),
					rs.getString("what"), rs.getString("title"), rs.getString("summary"),
					rs.getObject("day", java.time.LocalDate.class)))
			.list();
	}

}
