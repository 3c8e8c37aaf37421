package se.trygghetskartan.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a FeatureCollection in PostGIS: the caller gives the table, the SQL expression of one
 * Feature (with {@code ST_AsGeoJSON}) and conditions; the database returns the finished document.
 * The SQL may ask {@code :staff}: whether the reader is signed-in staff, who see drafts and names.
 */
public final class FeatureQuery {

	/**
	 * The properties a tracked item's Feature ends with: when it was made and last changed, by whom,
	 * and its version. The names are for staff only: staff are data subjects too, and the public
	 * needs no names to follow the work.
	 */
	public static String tracked(String alias) {
		return """
				'createdAt', %1$s.created_at,
				'createdBy', CASE WHEN :staff THEN %1$s.created_by END,
				'updatedAt', %1$s.updated_at,
				'updatedBy', CASE WHEN :staff THEN %1$s.updated_by END,
				'version', %1$s.version""".formatted(alias);
	}

	private final String table;

	private final String alias;

	private final String feature;

	private final List<String> conditions = new ArrayList<>();

	private String order = "id";

	private final Map<String, Object> params = new LinkedHashMap<>();

	public FeatureQuery(String table, String alias, String feature) {
		this.table = table;
		this.alias = alias;
		this.feature = feature;
		this.params.put("staff", CurrentUser.isStaff());
	}

	/** Reads what staff see, whoever asks: the change history keeps items whole. */
	public FeatureQuery asStaff() {
		return param("staff", true);
	}

	/** Only the items whose {@code column} says they are published, unless staff reads them. */
	public FeatureQuery publishedUnlessStaff(String column) {
		return where("(:staff OR " + column + ")");
	}

	public FeatureQuery where(String condition) {
		conditions.add(condition);
		return this;
	}

	public FeatureQuery param(String name, Object value) {
		params.put(name, value);
		return this;
	}

	/**
	 * Only the items whose {@code column} contains {@code text}, whatever the case: the planners'
	 * pickers search by name. {@code strpos} rather than LIKE, so that % and _ are plain letters.
	 */
	public FeatureQuery containing(String text, String column) {
		if (text != null && !text.isBlank()) {
			conditions.add("strpos(lower(" + column + "), lower(:text)) > 0");
			params.put("text", text.strip());
		}
		return this;
	}

	/** A name search's text: at most 100 characters (400 beyond), blank as none. */
	public static String searchText(String q) {
		if (q != null && q.strip().length() > 100) {
			throw InvalidRequestException.parameter("q", RequestError.TOO_LONG, "max", 100);
		}
		return q == null || q.isBlank() ? null : q.strip();
	}

	public FeatureQuery within(BoundingBox box, String column) {
		if (box != null) {
			conditions.add(box.condition(column));
			box.bind(params::put);
		}
		return this;
	}

	/**
	 * Of one municipality ({@code :municipality}): a list holds its items; a list by ids finds items
	 * wherever they are (links), published ones, and drafts only of this municipality, so that staff
	 * see no other municipality's drafts. For tables with {@code municipality_id} and {@code published}.
	 */
	public FeatureQuery ofMunicipality(long municipality, List<Long> ids) {
		where(ids == null ? alias + ".municipality_id = :municipality"
				: "(" + alias + ".published OR " + alias + ".municipality_id = :municipality)");
		return param("municipality", municipality);
	}

	/** Only the items with these ids (none when the list is null). */
	public FeatureQuery withIds(List<Long> ids) {
		if (ids != null) {
			conditions.add(alias + ".id = ANY(:ids)");
			params.put("ids", ids.toArray(Long[]::new));
		}
		return this;
	}

	/**
	 * Pages in this order rather than by id: SQL over the table's columns without the alias, ending
	 * in a unique column (the id) so that pages neither overlap nor leave items out.
	 */
	public FeatureQuery orderBy(String order) {
		this.order = order;
		return this;
	}

	/**
	 * The matching items, ordered by id (or as {@link #orderBy} says), one page of them, in one
	 * statement that PostGIS answers with the finished document. numberMatched is counted only when
	 * the page does not already tell it (a page short of its limit ends the list), and left out when
	 * paging by key ({@code after}), as OGC API allows: a client pages on until a page is short.
	 */
	public String collection(JdbcClient jdbc, Page page) {
		List<String> onPage = new ArrayList<>(conditions);
		String matched = "";
		if (page.after() != null) {
			onPage.add(alias + ".id > :after");
		}
		else {
			matched = "'numberMatched', CASE WHEN count(*) < :limit AND (count(*) > 0 OR :offset = 0) THEN :offset + count(*) "
					+ "ELSE (SELECT count(*) FROM " + table + " " + alias + where(conditions) + ") END, ";
		}
		String sql = "SELECT json_build_object('type', 'FeatureCollection', " + matched
				+ "'numberReturned', count(*), 'features', COALESCE(json_agg(" + feature + " ORDER BY " + order
				+ "), '[]'::json))::text FROM (SELECT " + alias + ".* FROM " + table + " " + alias + where(onPage)
				+ " ORDER BY " + order + " LIMIT :limit OFFSET :offset) " + alias;
		return jdbc.sql(GeometryOutput.rewrite(sql))
			.params(params)
			.param("limit", page.limit())
			.param("offset", page.offset())
			.param("after", page.after() == null ? 0L : page.after())
			.query(String.class)
			.single();
	}

	/**
	 * How many of the matching items lie in each cell of the grid, by the point {@code anchor} (SQL of
	 * a point in WGS 84 for the item {@code alias}) that a map puts its marker at: a FeatureCollection
	 * of the cells that hold any, each a Point at its items' mean position with their {@code count}
	 * and the {@code bbox} of their points (to zoom to); {@code numberMatched}, all of them; and the
	 * {@code bbox} counted in, the view widened to whole cells. Only items whose anchor lies in that
	 * box count; the caller's conditions should include an indexed one that finds the items near it.
	 */
	public String clusters(JdbcClient jdbc, String anchor, ClusterGrid grid) {
		String sql = "WITH matched AS (SELECT " + anchor + " AS anchor FROM " + table + " " + alias + where(conditions)
				+ "), inside AS (SELECT anchor, ST_Transform(anchor, 3857) AS mercator FROM matched WHERE ST_Intersects(anchor, "
				+ "ST_MakeEnvelope(:cellMinLon, :cellMinLat, :cellMaxLon, :cellMaxLat, 4326))), "
				+ "cell AS (SELECT count(*) AS n, avg(ST_X(anchor)) AS lon, avg(ST_Y(anchor)) AS lat, "
				+ "ST_Extent(anchor) AS box FROM inside GROUP BY " + ClusterGrid.cellOf("mercator") + ") "
				+ "SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', COALESCE(sum(n), 0), "
				+ "'cellMetres', CAST(:cellMetres AS double precision), "
				+ "'bbox', json_build_array(:cellMinLon, :cellMinLat, :cellMaxLon, :cellMaxLat), "
				+ "'features', COALESCE(json_agg(json_build_object('type', 'Feature', "
				+ "'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(round(lon::numeric, 6), "
				+ "round(lat::numeric, 6))), 'properties', json_build_object('count', n, 'bbox', json_build_array("
				+ "round(ST_XMin(box)::numeric, 6), round(ST_YMin(box)::numeric, 6), round(ST_XMax(box)::numeric, 6), "
				+ "round(ST_YMax(box)::numeric, 6)))) ORDER BY n DESC, lon, lat), '[]'::json))::text FROM cell";
		BoundingBox box = grid.box();
		return jdbc.sql(sql)
			.params(params)
			.param("cellMetres", grid.cellMetres())
			.param("cellMinLon", box.minLon())
			.param("cellMinLat", box.minLat())
			.param("cellMaxLon", box.maxLon())
			.param("cellMaxLat", box.maxLat())
			.query(String.class)
			.single();
	}

	/**
	 * What the matching items hold, for a file that declares it before its rows (a GeoPackage): the
	 * geometry types of {@code geometry} (SQL over the alias), their extent in {@code srid}, and each
	 * property with the JSON types its values take ("integer" for whole numbers), in the Feature's
	 * order. One statement over all the items, none of them held here.
	 */
	String summary(JdbcClient jdbc, String geometry, int srid) {
		String sql = "WITH x AS MATERIALIZED (SELECT " + feature + "->'properties' AS p, ST_Transform(" + geometry
				+ ", :srid) AS g FROM " + table + " " + alias + where(conditions) + ") "
				+ "SELECT json_build_object('geometryTypes', (SELECT to_json(array_agg(DISTINCT GeometryType(g))) FROM x "
				+ "WHERE g IS NOT NULL), 'extent', (SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) "
				+ "FROM (SELECT ST_Extent(g) AS e FROM x) b WHERE e IS NOT NULL), 'properties', COALESCE((SELECT "
				+ "json_agg(json_build_array(k.key, k.types) ORDER BY k.first) FROM (SELECT e.key, min(e.n) AS first, "
				+ "to_json(array_agg(DISTINCT CASE WHEN json_typeof(e.value) = 'number' AND e.value::text ~ '^-?[0-9]+$' "
				+ "THEN 'integer' ELSE json_typeof(e.value) END)) AS types FROM x, json_each(x.p) WITH ORDINALITY "
				+ "AS e(key, value, n) GROUP BY e.key) k), '[]'::json))::text";
		return jdbc.sql(sql).params(params).param("srid", srid).query(String.class).single();
	}

	/**
	 * Each matching item in order, as a Feature whose geometry ({@code geometry}, SQL over the alias)
	 * PostGIS has transformed to {@code srid} and written with {@code digits} decimals, with the same
	 * geometry as WKB: read a few hundred rows at a time, so that a layer of any size passes through
	 * without being held. Inside a transaction only: PostgreSQL keeps a cursor open for no less.
	 */
	void forEach(JdbcClient jdbc, String geometry, int srid, int digits, FeatureSource.Row row) {
		String sql = "SELECT json_build_object('type', 'Feature', 'id', x.f->'id', 'geometry', ST_AsGeoJSON(x.g, :digits)::json, "
				+ "'properties', x.f->'properties')::text AS feature, ST_AsBinary(x.g) AS wkb FROM " + table + " " + alias
				+ " CROSS JOIN LATERAL (SELECT " + feature + " AS f, ST_Transform(" + geometry + ", :srid) AS g) x"
				+ where(conditions) + " ORDER BY " + order;
		jdbc.sql(sql).withFetchSize(FeatureSource.FETCH_SIZE).params(params).param("srid", srid).param("digits", digits)
			.query(rs -> {
				try {
					row.accept(rs.getString("feature"), rs.getBytes("wkb"));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
	}

	/** SQL of the point in the middle of a geometry's bounding box: where a map puts its marker. */
	public static String boxCentre(String geometry) {
		return "ST_Centroid(ST_Envelope(" + geometry + "))";
	}

	/** One item, if it meets the conditions, as a Feature with its version; else null. */
	public StoredFeature single(JdbcClient jdbc, long id) {
		List<String> all = new ArrayList<>(conditions);
		all.add(alias + ".id = :id");
		String sql = "SELECT " + alias + ".id, " + alias + ".version, " + feature + "::text AS json FROM " + table + " "
				+ alias + where(all);
		return jdbc.sql(GeometryOutput.rewrite(sql))
			.params(params)
			.param("id", id)
			.query((rs, row) -> new StoredFeature(rs.getLong("id"), rs.getLong("version"), rs.getString("json")))
			.optional()
			.orElse(null);
	}

	/** One item as a Feature with its version; 404 when there is none this reader may see. */
	public StoredFeature found(JdbcClient jdbc, String subject, long id) {
		StoredFeature item = single(jdbc, id);
		if (item == null) {
			throw new NotFoundException(subject, id);
		}
		return item;
	}

	private static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

}
