package se.trygghetskartan;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Further municipalities with data of their own, written straight into the database (as an import
 * by an installation's admin would leave them), and removed again with everything they own so the
 * shared test database stays the demo's. Rows are made by 'it' with version 0.
 */
public final class TestMunicipalities {

	private static final String MADE = "now(), 'it', now(), 'it', 0";

	private final JdbcClient jdbc;

	public TestMunicipalities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A municipality with this extent [minLon, minLat, maxLon, maxLat], no start view, and the default
	 * municipality's background map (the tests' own tile server, which the pages' CSP allows); its id.
	 */
	public long create(String slug, String name, String code, double... extent) {
		return jdbc.sql("""
				INSERT INTO municipality (slug, name, code, min_lon, min_lat, max_lon, max_lat, tile_url, tile_attribution,
				  max_zoom, created_at, created_by, updated_at, updated_by, version)
				SELECT :slug, :name, :code, :minLon, :minLat, :maxLon, :maxLat, tile_url, tile_attribution, max_zoom, %s
				FROM municipality WHERE is_default RETURNING id""".formatted(MADE))
			.param("slug", slug)
			.param("name", name)
			.param("code", code)
			.param("minLon", extent[0])
			.param("minLat", extent[1])
			.param("maxLon", extent[2])
			.param("maxLat", extent[3])
			.query(Long.class)
			.single();
	}

	/** A district of the municipality covering this box. */
	public void district(long municipality, String slug, String name, double minLon, double minLat, double maxLon,
			double maxLat) {
		jdbc.sql("""
				INSERT INTO neighbourhood (slug, name, geom, municipality_id, created_at, created_by, updated_at, updated_by, version)
				VALUES (:slug, :name, ST_Multi(ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)), :m, %s)"""
			.formatted(MADE))
			.param("slug", slug)
			.param("name", name)
			.param("minLon", minLon)
			.param("minLat", minLat)
			.param("maxLon", maxLon)
			.param("maxLat", maxLat)
			.param("m", municipality)
			.update();
	}

	/** An unsafe place at this point; its id. */
	public long place(long municipality, String name, double lon, double lat, boolean published) {
		return jdbc.sql("""
				INSERT INTO unsafe_place (name, geom, source, status, published, municipality_id, created_at, created_by,
				  updated_at, updated_by, version)
				VALUES (:name, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'safety_walk', 'open', :published, :m, %s)
				RETURNING id""".formatted(MADE))
			.param("name", name)
			.param("lon", lon)
			.param("lat", lat)
			.param("published", published)
			.param("m", municipality)
			.query(Long.class)
			.single();
	}

	/** A lighting measure at this point with this status; its id. */
	public long measure(long municipality, String title, String status, double lon, double lat, boolean published) {
		return jdbc.sql("""
				INSERT INTO measure (title, type, owner, status, completed_on, rejection_reason, published, municipality_id, geom,
				  created_at, created_by, updated_at, updated_by, version)
				VALUES (:title, 'lighting', 'municipality', :status,
				  CASE WHEN :status = 'done' THEN DATE '2025-05-01' END, CASE WHEN :status = 'rejected' THEN 'Nej' END,
				  :published, :m, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), %s) RETURNING id""".formatted(MADE))
			.param("title", title)
			.param("status", status)
			.param("published", published)
			.param("m", municipality)
			.param("lon", lon)
			.param("lat", lat)
			.query(Long.class)
			.single();
	}

	/** A joint promise for these years; its id. */
	public long promise(long municipality, int start, int end, String title) {
		return jdbc.sql("""
				INSERT INTO promise (period_start, period_end, party, title, municipality_id, created_at, created_by,
				  updated_at, updated_by, version)
				VALUES (:start, :end, 'joint', :title, :m, %s) RETURNING id""".formatted(MADE))
			.param("start", start)
			.param("end", end)
			.param("title", title)
			.param("m", municipality)
			.query(Long.class)
			.single();
	}

	/** A commitment of the promise, fulfilled by these measures; its id. */
	public long commitment(long promise, String text, long... measures) {
		long id = jdbc.sql("""
				INSERT INTO commitment (promise_id, position, party, text, created_at, created_by, updated_at, updated_by, version)
				VALUES (:promise, 0, 'joint', :text, %s) RETURNING id""".formatted(MADE))
			.param("promise", promise)
			.param("text", text)
			.query(Long.class)
			.single();
		for (long measure : measures) {
			jdbc.sql("INSERT INTO measure_commitment (measure_id, commitment_id) VALUES (:measure, :commitment)")
				.param("measure", measure)
				.param("commitment", id)
				.update();
		}
		return id;
	}

	/** Removes the municipality and all it owns (commitments and links go with their promises and measures). */
	public void remove(String slug) {
		clear(slug);
		jdbc.sql("DELETE FROM municipality WHERE slug = :slug").param("slug", slug).update();
	}

	/** Removes all the municipality owns, keeping the municipality. */
	public void clear(String slug) {
		for (String table : new String[] { "promise", "measure", "unsafe_place", "neighbourhood" }) {
			jdbc.sql("DELETE FROM " + table + " WHERE municipality_id = (SELECT id FROM municipality WHERE slug = :slug)")
				.param("slug", slug)
				.update();
		}
	}

}
