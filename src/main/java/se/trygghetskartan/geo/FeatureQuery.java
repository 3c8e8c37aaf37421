package se.trygghetskartan.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a FeatureCollection in PostGIS: the caller gives the table, the SQL expression of one
 * Feature (with {@code ST_AsGeoJSON}) and conditions; the database returns the finished document.
 */
public final class FeatureQuery {

	private final String table;

	private final String alias;

	private final String feature;

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	public FeatureQuery(String table, String alias, String feature) {
		this.table = table;
		this.alias = alias;
		this.feature = feature;
	}

	public FeatureQuery where(String condition) {
		conditions.add(condition);
		return this;
	}

	public FeatureQuery param(String name, Object value) {
		params.put(name, value);
		return this;
	}

	public FeatureQuery within(BoundingBox box, String column) {
		if (box != null) {
			conditions.add(box.condition(column));
			box.bind(params);
		}
		return this;
	}

	/** The matching items, ordered by id, one page of them, with OGC-style match counts. */
	public String collection(JdbcClient jdbc, Page page) {
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		String sql = "WITH matched AS (SELECT " + alias + ".* FROM " + table + " " + alias + where + "), "
				+ "page AS (SELECT * FROM matched ORDER BY id LIMIT :limit OFFSET :offset) "
				+ "SELECT json_build_object('type', 'FeatureCollection', "
				+ "'numberMatched', (SELECT count(*) FROM matched), "
				+ "'numberReturned', (SELECT count(*) FROM page), "
				+ "'features', COALESCE((SELECT json_agg(" + feature + " ORDER BY " + alias + ".id) FROM page " + alias
				+ "), '[]'::json))::text";
		return jdbc.sql(sql).params(params).param("limit", page.limit()).param("offset", page.offset())
			.query(String.class)
			.single();
	}

	/** One item as a Feature with its version, or null. */
	public StoredFeature single(JdbcClient jdbc, long id) {
		String sql = "SELECT " + alias + ".id, " + alias + ".version, " + feature + "::text AS json FROM " + table + " "
				+ alias + " WHERE " + alias + ".id = :id";
		return jdbc.sql(sql)
			.params(params)
			.param("id", id)
			.query((rs, row) -> new StoredFeature(rs.getLong("id"), rs.getLong("version"), rs.getString("json")))
			.optional()
			.orElse(null);
	}

}
