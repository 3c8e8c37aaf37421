package se.trygghetskartan.tiles;

import java.util.List;
import java.util.Map;

import se.trygghetskartan.history.HistoryService;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A layer read from views other modules publish, whose items change through the history: one SQL
 * query selecting the published rows in the tile ({@link Tile#covers}), their {@link Tile#geometry} as
 * {@code geom}, the id as {@code fid} and the public attributes, and nothing else.
 */
final class ViewTileLayer implements TileLayer {

	private final String name;

	private final String description;

	private final Map<String, String> fields;

	private final String sql;

	private final JdbcClient jdbc;

	ViewTileLayer(String name, String description, Map<String, String> fields, String rows, JdbcClient jdbc) {
		this.name = name;
		this.description = description;
		this.fields = fields;
		this.sql = Tile.mvt(name, rows);
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String description() {
		return description;
	}

	@Override
	public Map<String, String> fields() {
		return fields;
	}

	@Override
	public List<String> dataVersions() {
		return List.of(HistoryService.DATA_VERSION);
	}

	@Override
	public byte[] tile(Tile tile, Map<String, String> query) {
		return Tile.made(jdbc, sql, tile.parameters());
	}

}
