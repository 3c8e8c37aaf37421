package se.trygghetskartan.geo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads GeoJSON geometries sent by clients and accepts only those PostGIS considers valid, inside
 * the municipality's current extent; and judges areas imported from files in other CRSs.
 */
@Service
public class GeometryService {

	private static final GeometryFactory WGS84_FACTORY = new GeometryFactory(new PrecisionModel(), GeometryReader.WGS84);

	private final GeoProperties properties;

	private final MunicipalityExtent municipality;

	private final JdbcClient jdbc;

	GeometryService(GeoProperties properties, MunicipalityExtent municipality, JdbcClient jdbc) {
		this.properties = properties;
		this.municipality = municipality;
		this.jdbc = jdbc;
	}

	/**
	 * The geometry at {@code field}, or null after adding to {@code violations} what is wrong with it:
	 * its structure, its coordinates, or its validity as PostGIS judges it (reason and position).
	 */
	public Geometry read(JsonNode node, String field, GeometryKind kind, List<Violation> violations) {
		GeometryReader reader = new GeometryReader(field, kind, properties.maxVertices(), municipality.extent());
		Geometry geometry = reader.read(node);
		if (geometry == null) {
			violations.addAll(reader.violations());
			return null;
		}
		Violation invalid = validity(geometry, field);
		if (invalid != null) {
			violations.add(invalid);
			return null;
		}
		return geometry;
	}

	/**
	 * Positions in {@code crs} ([x, y]: easting and northing in SWEREF 99 TM) as WGS 84 [longitude,
	 * latitude], transformed by PostGIS and rounded to 7 decimals (about a centimetre).
	 */
	public List<double[]> toWgs84(List<double[]> positions, SupportedCrs crs) {
		return toWgs84Exactly(positions, crs).stream().map(p -> new double[] { round(p[0]), round(p[1]) }).toList();
	}

	/**
	 * As {@link #toWgs84}, unrounded: for positions that are stored (a GIS's edit in SWEREF 99 TM must
	 * come back to the millimetre); a DataAccessException when PostGIS cannot transform them.
	 */
	public List<double[]> toWgs84Exactly(List<double[]> positions, SupportedCrs crs) {
		StringBuilder json = new StringBuilder("[");
		for (double[] position : positions) {
			json.append(json.length() > 1 ? "," : "").append('[').append(position[0]).append(',').append(position[1]).append(']');
		}
		return jdbc.sql("""
				SELECT ST_X(g), ST_Y(g) FROM (
				  SELECT ord, ST_Transform(ST_SetSRID(ST_MakePoint((pos->>0)::float8, (pos->>1)::float8), :srid), 4326) AS g
				  FROM jsonb_array_elements(CAST(:positions AS jsonb)) WITH ORDINALITY AS p(pos, ord)) t
				ORDER BY ord
				""")
			.param("srid", crs.srid())
			.param("positions", json.append(']').toString())
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.list();
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e7) / 1e7;
	}

	/**
	 * An area read from a file in {@code crs}, as PostGIS judges it. Validity is checked as sent (the
	 * reason names a position in the file's own coordinates); an invalid area is refused, or with
	 * {@code repair} made valid by {@code ST_MakeValid}, keeping only its polygons. Then it is
	 * transformed to WGS 84 (and checked again: a transform may fold a sliver over itself) and must lie
	 * inside the municipality's extent. Each call is a statement of its own, outside any transaction,
	 * so that a geometry PostGIS cannot transform fails alone.
	 */
	public ImportedArea importedArea(Geometry geometry, SupportedCrs crs, boolean repair) {
		BoundingBox box = municipality.extent();
		byte[] wkb = new WKBWriter(2).write(geometry);
		try {
			return jdbc.sql("""
					WITH sent AS (SELECT ST_SetSRID(ST_Force2D(ST_GeomFromWKB(:wkb)), :srid) AS g),
					judged AS (SELECT g, d.valid, d.reason, ST_X(d.location) AS x, ST_Y(d.location) AS y
					  FROM sent, ST_IsValidDetail(g) AS d),
					fixed AS (SELECT judged.*, CASE WHEN valid THEN g WHEN :repair THEN ST_CollectionExtract(ST_MakeValid(g), 3)
					  END AS area FROM judged),
					moved AS (SELECT fixed.*, ST_Multi(ST_Transform(area, 4326)) AS moved FROM fixed),
					final AS (SELECT moved.*, CASE WHEN moved IS NULL OR ST_IsValid(moved) OR NOT :repair THEN moved
					  ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(moved), 3)) END AS wgs84 FROM moved)
					SELECT valid, reason, x, y, ST_AsBinary(wgs84) AS wkb, ST_IsEmpty(wgs84) AS empty,
					       ST_IsValidReason(wgs84) AS moved_reason, ST_IsValid(wgs84) AS moved_valid,
					       ST_CoveredBy(wgs84, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)) AS inside
					FROM final
					""")
				.param("wkb", wkb)
				.param("srid", crs.srid())
				.param("repair", repair)
				.param("minLon", box.minLon())
				.param("minLat", box.minLat())
				.param("maxLon", box.maxLon())
				.param("maxLat", box.maxLat())
				.query((rs, row) -> judged(rs, crs, box))
				.single();
		}
		catch (DataAccessException ex) {
			return ImportedArea.refused(Reason.of(GeometryError.NOT_TRANSFORMABLE, "crs", crs.code()), null);
		}
	}

	private static ImportedArea judged(ResultSet rs, SupportedCrs crs, BoundingBox box) throws SQLException {
		Reason invalidity = null;
		if (!rs.getBoolean("valid")) {
			String said = rs.getString("reason");
			double x = rs.getDouble("x");
			boolean located = !rs.wasNull();
			double y = rs.getDouble("y");
			// In the file's own coordinates (for finding it in a GIS): degrees to 7 decimals (about 1 cm),
			// metres to the centimetre.
			double scale = crs == SupportedCrs.WGS84 ? 1e7 : 1e2;
			invalidity = located
					? Reason.of(GeometryError.ofPostgis(said), "detail", said, "position",
							new double[] { Math.round(x * scale) / scale, Math.round(y * scale) / scale }, "crs", crs.code())
					: Reason.of(GeometryError.ofPostgis(said), "detail", said);
		}
		byte[] wkb = rs.getBytes("wkb");
		if (wkb == null) {
			return ImportedArea.refused(Reason.of(GeometryError.INVALID_GEOMETRY, "problem", invalidity), invalidity);
		}
		if (rs.getBoolean("empty")) {
			return ImportedArea.refused(Reason.of(GeometryError.EMPTY_AFTER_REPAIR, "problem", invalidity), invalidity);
		}
		if (!rs.getBoolean("moved_valid")) {
			String said = rs.getString("moved_reason");
			return ImportedArea.refused(Reason.of(GeometryError.INVALID_AFTER_TRANSFORM, "problem",
					Reason.of(GeometryError.ofPostgis(said), "detail", said)), invalidity);
		}
		if (!rs.getBoolean("inside")) {
			return ImportedArea.refused(Reason.of(GeometryError.OUTSIDE_EXTENT, "extent", box.toList()), invalidity);
		}
		try {
			MultiPolygon area = (MultiPolygon) new WKBReader(WGS84_FACTORY).read(wkb);
			return new ImportedArea(area, invalidity != null, null, invalidity);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("PostGIS returned WKB that JTS cannot read", ex);
		}
	}

	private Violation validity(Geometry geometry, String field) {
		byte[] ewkb = new WKBWriter(2, true).write(geometry);
		return jdbc.sql("""
				SELECT valid, reason, ST_X(location) AS x, ST_Y(location) AS y
				FROM ST_IsValidDetail(ST_GeomFromEWKB(:ewkb))
				""")
			.param("ewkb", ewkb)
			.query(rs -> {
				rs.next();
				if (rs.getBoolean("valid")) {
					return java.util.Optional.<Violation>empty();
				}
				String said = rs.getString("reason");
				double x = round(rs.getDouble("x"));
				boolean located = !rs.wasNull();
				double y = round(rs.getDouble("y"));
				GeometryError code = GeometryError.ofPostgis(said);
				return java.util.Optional.of(located ? Violation.at(field, code, new double[] { x, y }, "detail", said)
						: new Violation(field, code, "detail", said));
			})
			.orElse(null);
	}

}
