package se.trygghetskartan.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

	// Everything that happened, in every municipality: what the feeds and digests are made of. A key is
	// unique within its municipality ("measure-12-3", "activity-7").
	private static final String HAPPENED = """
			SELECT 'measure-' || e.measure_id || '-' || e.position AS key, 'measure' AS kind, e.measure_id AS item,
			       e.status AS what, e.title, e.note AS summary, e.changed_on AS day, e.municipality_id, e.neighbourhood_ids
			FROM measure_status_event e WHERE e.changed_on <= current_date
			UNION ALL
			SELECT 'activity-' || a.id, 'activity', a.id, a.kind, a.title, NULL, a.starts_on, a.municipality_id,
			       a.neighbourhood_ids
			FROM activity_event a WHERE a.starts_on <= current_date
			UNION ALL
			SELECT 'promise-' || p.id, 'promise', p.id, 'published', p.title, NULL, p.published_on, p.municipality_id,
			       p.neighbourhood_ids
			FROM promise_event p WHERE p.published_on <= current_date""";

	private static final String IN_PLACE = """
			h.municipality_id = :municipality
			AND (CAST(:district AS bigint) IS NULL OR CAST(:district AS bigint) = ANY(h.neighbourhood_ids))""";

	/** The newest entries, newest first: of the whole municipality, or of the district when there is one. */
	List<FeedEntry> entries(long municipality, Long district) {
		return jdbc.sql("SELECT h.* FROM (" + HAPPENED + ") h WHERE " + IN_PLACE
				+ " ORDER BY h.day DESC, h.key DESC LIMIT :entries")
			.param("municipality", municipality)
			.param("district", district)
			.param("entries", ENTRIES)
			.query(FeedService::entry)
			.list();
	}

	/**
	 * The entries first seen after {@code since} (see {@link #recordSeen()}), oldest first: of the whole
	 * municipality, or of the district when there is one.
	 */
	List<FeedEntry> news(long municipality, Long district, OffsetDateTime since) {
		return jdbc.sql("SELECT h.* FROM (" + HAPPENED + ") h JOIN feed_entry_seen s ON s.municipality_id = h.municipality_id"
				+ " AND s.entry_key = h.key WHERE " + IN_PLACE + " AND s.first_seen_at > :since ORDER BY h.day, h.key LIMIT :entries")
			.param("municipality", municipality)
			.param("district", district)
			.param("since", since)
			.param("entries", ENTRIES)
			.query(FeedService::entry)
			.list();
	}

	/** Notes the time each entry is first seen at, in the caller's transaction. */
	@Transactional
	void recordSeen() {
		jdbc.sql("INSERT INTO feed_entry_seen (municipality_id, entry_key) SELECT h.municipality_id, h.key FROM ("
				+ HAPPENED + ") h ON CONFLICT DO NOTHING")
			.update();
	}

	private static FeedEntry entry(ResultSet rs, int row) throws SQLException {
		return new FeedEntry(rs.getString("key"), rs.getString("kind"), rs.getLong("item"), rs.getString("what"),
				rs.getString("title"), rs.getString("summary"), rs.getObject("day", LocalDate.class));
	}

}
