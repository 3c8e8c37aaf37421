package se.trygghetskartan.geo;

import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads GeoJSON geometries sent by clients and accepts only those PostGIS considers valid, inside
 * the configured municipality extent.
 */
@Service
public class GeometryService {

	private final GeoProperties properties;

	private final JdbcClient jdbc;

	GeometryService(GeoProperties properties, JdbcClient jdbc) {
		this.properties = properties;
		this.jdbc = jdbc;
	}

	/**
	 * The geometry at {@code field}, or null after adding to {@code violations} what is wrong with it:
	 * its structure, its coordinates, or its validity as PostGIS judges it (reason and position).
	 */
	public Geometry read(JsonNode node, String field, GeometryKind kind, List<Violation> violations) {
		GeometryReader reader = new GeometryReader(field, kind, properties);
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

	private static double round(double degrees) {
		return Math.round(degrees * 1e7) / 1e7;
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
				double x = round(rs.getDouble("x"));
				boolean located = !rs.wasNull();
				double y = round(rs.getDouble("y"));
				String where = located ? " at [" + x + ", " + y + "]" : "";
				return java.util.Optional.of(new Violation(field, "invalid geometry: " + rs.getString("reason") + where,
						located ? new double[] { x, y } : null));
			})
			.orElse(null);
	}

}
