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

	// The squares the privacy rule publishes (incident_public_grid, per municipality), summed where a
	// square lies in two municipalities: a sum of published counts hides nothing that could be
	// subtracted out. Without a year, the latest with published counts.
	private static final String SQL = Tile.mvt("incidents", """
			SELECT CAST(grid_x AS bigint) * 1000000 + grid_y AS fid, grid_x || ':' || grid_y AS cell,
			       CAST(sum(count) AS int) AS count, %s AS geom
			FROM incident_public_grid(NULL, ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => CAST(:margin AS float8)), 4326),
			       COALESCE(CAST(:year AS int), (SELECT extract(year FROM max(month))::int FROM incident_aggregate)),
			       CAST(:month AS int), CAST(:category AS text))
			GROUP BY grid_x, grid_y
			""".formatted(Tile.geometry("ST_MakeEnvelope(grid_x * %1$d, grid_y * %1$d, (grid_x + 1) * %1$d, (grid_y + 1) * %1$d, 3006)"
		.formatted(IncidentStore.CELL))));

	private final JdbcClient jdbc;

	PublicIncidentTiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		params.put("year", figures.year());
		params.put("month", figures.month());
		params.put("category", figures.category() == null ? null : Codes.of(figures.category()));
		return Tile.made(jdbc, SQL, params);
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
