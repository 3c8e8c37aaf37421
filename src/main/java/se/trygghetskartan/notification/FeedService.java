package se.trygghetskartan.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
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

	// Today in Sweden, whatever the session's time zone: the events' days are Stockholm dates.
	private static final String TODAY = "(now() AT TIME ZONE 'Europe/Stockholm')::date";

	// Everything that happened, in every municipality: what the feeds and digests are made of. A key is
	// unique within its municipality ("measure-12-3", "activity-7"); up to today.
	private static final String HAPPENED = """
			SELECT 'measure-' || e.measure_id || '-' || e.position AS key, 'measure' AS kind, e.measure_id AS item,
			       e.status AS what, e.title, e.note AS summary, e.changed_on AS day, e.municipality_id, e.neighbourhood_ids
			FROM measure_status_event e WHERE e.changed_on <= %1$s
			UNION ALL
			SELECT 'activity-' || a.id, 'activity', a.id, a.kind, a.title, NULL, a.starts_on, a.municipality_id,
			       a.neighbourhood_ids
			FROM activity_event a WHERE a.starts_on <= %1$s
			UNION ALL
			SELECT 'promise-' || p.id, 'promise', p.id, 'published', p.title, NULL, p.published_on, p.municipality_id,
			       p.neighbourhood_ids
			FROM promise_event p WHERE p.published_on <= %1$s""".formatted(TODAY);

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

	/** What a digest holds: its entries, by day, and the time of first sight through which it holds all. */
	record News(List<FeedEntry> entries, OffsetDateTime through) {
	}

	/** An entry and when it was first seen. */
	record Seen(FeedEntry entry, OffsetDateTime at) {
	}

	/**
	 * The entries first seen after {@code since} and up to {@code until} (see {@link #recordSeen()}), of
	 * the whole municipality or of the district when there is one: all of them, or the {@value #ENTRIES}
	 * first seen when there are more, and then the rest are the next digest's.
	 */
	News news(long municipality, Long district, OffsetDateTime since, OffsetDateTime until) {
		List<Seen> seen = jdbc.sql("SELECT h.*, s.first_seen_at FROM (" + HAPPENED + ") h JOIN feed_entry_seen s"
				+ " ON s.municipality_id = h.municipality_id AND s.entry_key = h.key WHERE " + IN_PLACE
				+ " AND s.first_seen_at > :since AND s.first_seen_at <= :until ORDER BY s.first_seen_at, h.key")
			.param("municipality", municipality)
			.param("district", district)
			.param("since", since)
			.param("until", until)
			.query((rs, row) -> new Seen(entry(rs, row), rs.getObject("first_seen_at", OffsetDateTime.class)))
			.list();
		return firstSeen(seen, ENTRIES, until);
	}

	/**
	 * At most {@code limit} of the entries (in the order first seen), and the time through which they are
	 * all: {@code until} when none is left out, else the last one's, so that the next digest starts with
	 * the first one left out. Entries seen at one instant go together (past the limit when all are).
	 */
	static News firstSeen(List<Seen> seen, int limit, OffsetDateTime until) {
		List<Seen> held = seen;
		OffsetDateTime through = until;
		if (seen.size() > limit) {
			OffsetDateTime next = seen.get(limit).at();
			held = seen.stream().filter(entry -> entry.at().isBefore(next)).toList();
			if (held.isEmpty()) {
				held = seen.stream().filter(entry -> !entry.at().isAfter(next)).toList();
			}
			through = held.get(held.size() - 1).at();
		}
		List<FeedEntry> entries = held.stream()
			.map(Seen::entry)
			.sorted(Comparator.comparing(FeedEntry::day).thenComparing(FeedEntry::key))
			.toList();
		return new News(entries, through);
	}

	/**
	 * Notes the time each entry is first seen at, in the caller's transaction: the clock's time, not the
	 * transaction's start, so that what a digest holds up to its own clock time was all there to see.
	 */
	@Transactional
	void recordSeen() {
		jdbc.sql("INSERT INTO feed_entry_seen (municipality_id, entry_key, first_seen_at) SELECT h.municipality_id, h.key,"
				+ " clock_timestamp() FROM (" + HAPPENED + ") h ON CONFLICT DO NOTHING")
			.update();
	}

	private static FeedEntry entry(ResultSet rs, int row) throws SQLException {
		return new FeedEntry(rs.getString("key"), rs.getString("kind"), rs.getLong("item"), rs.getString("what"),
				rs.getString("title"), rs.getString("summary"), rs.getObject("day", LocalDate.class));
	}

}
