package se.trygghetskartan.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.tiles.Tile;
import se.trygghetskartan.tiles.TileLayer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public incident grid as vector tiles ({@code /tiles/incidents/{z}/{x}/{y}.mvt?year=&month=&category=}):
 * the squares and counts {@code /api/incident-statistics} publishes, by the same privacy rule, each
 * tile in one statement.
 */
@Component
class PublicIncidentTiles implements TileLayer {

	/**
	 * Far out a tile would count a whole region's incidents: from zoom 10 (a tile some 20 km across
	 * here, a square a few pixels) the squares show.
	 */
	private static final int MIN_ZOOM = 10;

	/**
	 * How much further than the tile the incidents are counted, in Web Mercator metres: a square's
	 * diagonal (354 m on the ground) at up to 69° north, so that every square that shows in the tile
	 * is counted whole, while squares counted in part lie beyond the tile's buffer and are clipped away.
	 */
	private static final double REACH = 1000;

	private final String sql;

	private final String monthSql;

	private final JdbcClient jdbc;

	PublicIncidentTiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.sql = sql(false);
		this.monthSql = sql(true);
	}

	private static String sql(boolean oneMonth) {
		String square = "ST_MakeEnvelope(grid_x * %1$d, grid_y * %1$d, (grid_x + 1) * %1$d, (grid_y + 1) * %1$d, 3006)"
			.formatted(IncidentStore.CELL);
		return IncidentService.publishedSquares(oneMonth, Tile.covers("geom")) + Tile.mvt("incidents",
				"SELECT CAST(grid_x AS bigint) * 1000000 + grid_y AS fid, grid_x || ':' || grid_y AS cell, "
						+ "CAST(n AS int) AS count, " + Tile.geometry(square) + " AS geom FROM cells");
	}

	@Override
	public String name() {
		return "incidents";
	}

	@Override
	public String description() {
		return "Incident counts per 250 m square of SWEREF 99 TM, as /api/incident-statistics publishes them "
				+ "(query: year, month, category; without a year the latest with incidents).";
	}

	@Override
	public Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("cell", "String: the square, grid x:y of 250 m in SWEREF 99 TM");
		fields.put("count", "Number: incidents in the square, never below " + IncidentService.MIN_COUNT);
		return fields;
	}

	@Override
	public int minZoom() {
		return MIN_ZOOM;
	}

	@Override
	public List<String> dataVersions() {
		return List.of(IncidentStore.DATA_VERSION);
	}

	@Override
	public byte[] tile(Tile tile, Map<String, String> query) {
		PublicFigures figures = PublicFigures.of(number(query, "year"), number(query, "month"), query.get("category"));
		Map<String, Object> params = new LinkedHashMap<>(tile.parameters(REACH));
		// A tile is of the whole country: squares of every municipality.
		params.put("municipality", null);
		params.put("year", figures.year());
		params.put("month", figures.month());
		params.put("category", figures.category() == null ? null : Codes.of(figures.category()));
		params.put("min", IncidentService.MIN_COUNT);
		return Tile.made(jdbc, figures.month() == null ? sql : monthSql, params);
	}

	private static Integer number(Map<String, String> query, String name) {
		String value = query.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidRequestException.parameter(name, RequestError.NOT_A_VALUE, "value", value, "type", "Integer");
		}
	}

}
