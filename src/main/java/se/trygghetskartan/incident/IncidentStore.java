package se.trygghetskartan.incident;

import java.util.List;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.DataVersions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes incidents in batches. PostGIS transforms the coordinates to WGS 84 and to the 250 m grid of
 * SWEREF 99 TM; rows outside the municipality are refused, and a source id already stored is skipped.
 */
@Component
public class IncidentStore {

	/** How many SWEREF 99 TM metres one grid square measures. */
	public static final int CELL = 250;

	/**
	 * The data version ({@link DataVersions}) of the public incident figures: every batch stored and
	 * every import undone counts it up.
	 */
	public static final String DATA_VERSION = "incident";

	private final JdbcClient jdbc;

	private final Municipalities municipalities;

	private final JsonMapper json;

	private final IncidentSources sources;

	private final DataVersions versions;

	IncidentStore(JdbcClient jdbc, Municipalities municipalities, JsonMapper json, IncidentSources sources,
			DataVersions versions) {
		this.jdbc = jdbc;
		this.municipalities = municipalities;
		this.json = json;
		this.sources = sources;
		this.versions = versions;
	}

	/** What one batch did: rows stored, rows already there, and the lines outside the municipality. */
	public record Outcome(int inserted, int duplicates, List<Integer> outside) {
	}

	/**
	 * Stores incidents that belong to no import (the demo's); their source (in lower case) joins the
	 * list of sources if it is not there.
	 */
	public Outcome store(String source, String user, List<IncidentRow> rows) {
		return store(null, sources.ensure(source), user, rows);
	}

	/** Stores incidents, each linked to the import that adds it (so undoing it removes exactly these). */
	Outcome store(Long importId, String source, String user, List<IncidentRow> rows) {
		if (rows.isEmpty()) {
			return new Outcome(0, 0, List.of());
		}
		ArrayNode batch = json.createArrayNode();
		for (IncidentRow row : rows) {
			batch.addObject()
				.put("line", row.line())
				.put("source_id", row.sourceId())
				.put("x", row.x())
				.put("y", row.y())
				.put("srid", row.srid())
				.put("occurred_from", row.from().toString())
				.put("occurred_to", row.to() == null ? null : row.to().toString())
				.put("category", Codes.of(row.category()))
				.put("sensitive", row.sensitive());
		}
		// An import's incidents are its municipality's; others (the demo's) the request's.
		long municipalityId = importId == null ? municipalities.currentId()
				: jdbc.sql("SELECT municipality_id FROM incident_import WHERE id = :id").param("id", importId)
					.query(Long.class)
					.single();
		BoundingBox box = municipalities.extent(municipalityId);
		Outcome outcome = jdbc.sql("""
				WITH rows AS (
				  SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(line int, source_id text, x float8,
				    y float8, srid int, occurred_from text, occurred_to text, category text, sensitive boolean)),
				points AS (
				  SELECT rows.*, ST_Transform(ST_SetSRID(ST_MakePoint(x, y), srid), 4326) AS geom,
				         ST_Transform(ST_SetSRID(ST_MakePoint(x, y), srid), 3006) AS grid
				  FROM rows),
				inside AS (
				  SELECT * FROM points
				  WHERE ST_X(geom) BETWEEN :minLon AND :maxLon AND ST_Y(geom) BETWEEN :minLat AND :maxLat),
				inserted AS (
				  INSERT INTO incident (occurred_from, occurred_to, category, sensitive, geom, grid_x, grid_y, source,
				    source_id, imported_by, import_id, municipality_id)
				  SELECT occurred_from::timestamptz, occurred_to::timestamptz, category, sensitive, geom,
				         floor(ST_X(grid) / %1$d)::int, floor(ST_Y(grid) / %1$d)::int, :source, source_id, :user,
				         CAST(:importId AS bigint), :municipality
				  FROM inside
				  ON CONFLICT (source, source_id) DO NOTHING
				  RETURNING 1)
				SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT count(*) FROM inside) AS valid,
				       ARRAY(SELECT line FROM points WHERE line NOT IN (SELECT line FROM inside) ORDER BY line) AS outside
				""".formatted(CELL))
			.param("rows", batch.toString())
			.param("minLon", box.minLon())
			.param("minLat", box.minLat())
			.param("maxLon", box.maxLon())
			.param("maxLat", box.maxLat())
			.param("source", source)
			.param("user", user)
			.param("importId", importId)
			.param("municipality", municipalityId)
			.query((rs, rowNum) -> {
				int inserted = rs.getInt("inserted");
				int valid = rs.getInt("valid");
				List<Integer> outside = List.of((Integer[]) rs.getArray("outside").getArray());
				return new Outcome(inserted, valid - inserted, outside);
			})
			.single();
		// Counted after the batch is in (the statement commits by itself outside a transaction): a
		// reader in between names the new rows by the old version, and the next revalidation corrects it.
		if (outcome.inserted() > 0) {
			versions.changed(DATA_VERSION);
		}
		return outcome;
	}

}
