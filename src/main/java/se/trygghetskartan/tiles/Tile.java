package se.trygghetskartan.tiles;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

/**
 * A tile of the web map's grid (Web Mercator, EPSG:3857, {@code z/x/y} as XYZ schemes count them),
 * with the SQL that turns rows into its vector tile: a layer's SQL selects its rows'
 * {@link #geometry} and attributes where {@link #covers} holds, and {@link #mvt} makes the tile of
 * them, all in one statement with the tile's address as the parameters {@code :z}, {@code :x}, {@code :y}.
 */
public record Tile(int z, int x, int y) {

	/** The deepest zoom served (as the background maps' 22 at most). */
	public static final int MAX_ZOOM = 22;

	/** A tile's own coordinates: 4096 to a side, as Mapbox's specification suggests. */
	static final int EXTENT = 4096;

	/**
	 * How far beyond its edges a tile holds geometry, in its own coordinates: enough for a point's
	 * marker or a line's width drawn at the edge to show whole in the tile beside it.
	 */
	static final int BUFFER = 64;

	/** The tile at this address; 400 naming the coordinate when there is no such tile. */
	public static Tile of(int z, long x, long y) {
		if (z < 0 || z > MAX_ZOOM) {
			throw InvalidRequestException.parameter("z", RequestError.OUT_OF_RANGE, "min", 0, "max", MAX_ZOOM);
		}
		long last = (1L << z) - 1;
		if (x < 0 || x > last) {
			throw InvalidRequestException.parameter("x", TileError.OUTSIDE_ZOOM, "value", x, "zoom", z, "max", last);
		}
		if (y < 0 || y > last) {
			throw InvalidRequestException.parameter("y", TileError.OUTSIDE_ZOOM, "value", y, "zoom", z, "max", last);
		}
		return new Tile(z, (int) x, (int) y);
	}

	/** The tile's address as the SQL's parameters. */
	public Map<String, Object> parameters() {
		return parameters(0);
	}

	/**
	 * The tile's address as the SQL's parameters, {@link #covers} reaching {@code metres} (of Web
	 * Mercator, which at Swedish latitudes are about half a metre on the ground) further than the
	 * tile's buffer.
	 */
	public Map<String, Object> parameters(double metres) {
		double tileMetres = 2 * Math.PI * 6378137 / (1L << z);
		return Map.of("z", z, "x", x, "y", y, "margin", (double) BUFFER / EXTENT + metres / tileMetres);
	}

	/**
	 * SQL: whether a geometry in WGS 84 may show in the tile (with its buffer); its bounding box
	 * against the tile's, so the column's GiST index finds the rows. The tile's box in WGS 84 is
	 * exact: Web Mercator's x and y are functions of longitude and latitude alone.
	 */
	public static String covers(String geometry) {
		return geometry + " && ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => CAST(:margin AS float8)), 4326)";
	}

	/** SQL: a geometry (in any CRS) as the tile's geometry, clipped to the tile and its buffer. */
	public static String geometry(String geometry) {
		return "ST_AsMVTGeom(ST_Transform(" + geometry + ", 3857), ST_TileEnvelope(:z, :x, :y), " + EXTENT + ", "
				+ BUFFER + ", true)";
	}

	/** Runs a tile's SQL ({@link #mvt}): the tile, empty when nothing lies in it. */
	public static byte[] made(JdbcClient jdbc, String sql, Map<String, Object> parameters) {
		byte[] mvt = jdbc.sql(sql).params(parameters).query(byte[].class).single();
		return mvt == null ? new byte[0] : mvt;
	}

	/**
	 * SQL of the tile: the rows of {@code rows} (a query with a column {@code geom} made by
	 * {@link #geometry}, and {@code fid}, the feature's id) as the layer {@code layer}; their other
	 * columns are the features' attributes. Rows whose geometry falls outside the tile are left out.
	 */
	public static String mvt(String layer, String rows) {
		return "SELECT ST_AsMVT(tile_rows, '" + layer + "', " + EXTENT + ", 'geom', 'fid') FROM (" + rows
				+ ") tile_rows WHERE tile_rows.geom IS NOT NULL";
	}

}
