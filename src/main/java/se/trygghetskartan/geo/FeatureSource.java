package se.trygghetskartan.geo;

import java.io.IOException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A layer's items as a list request selects them, for a file: the list's own query (its filters, and
 * what this reader may see) and the SQL of each item's geometry, read whole and in order rather than
 * a page at a time. Exports read through it; they write no rules of their own about who sees what.
 */
public final class FeatureSource {

	/** How many rows PostgreSQL sends at a time while a layer streams. */
	static final int FETCH_SIZE = 500;

	/** One exported item: its Feature (geometry in the CRS asked for) and the same geometry as WKB. */
	@FunctionalInterface
	public interface Row {

		void accept(String feature, byte[] wkb) throws IOException;

	}

	private final FeatureQuery query;

	private final String geometry;

	private final JdbcClient jdbc;

	public FeatureSource(FeatureQuery query, String geometry, JdbcClient jdbc) {
		this.query = query;
		this.geometry = geometry;
		this.jdbc = jdbc;
	}

	/**
	 * JSON of what the items hold: {@code geometryTypes} (PostGIS's names), {@code extent} in
	 * {@code srid} ([minX, minY, maxX, maxY], null when there is none) and {@code properties}
	 * ([[name, [types…]]…] in the Feature's order; types as {@code json_typeof}, with "integer").
	 */
	public String summary(int srid) {
		return query.summary(jdbc, geometry, srid);
	}

	/** Each item in order, its geometry in {@code srid} with {@code digits} decimals (in a transaction). */
	public void forEach(int srid, int digits, Row row) {
		query.forEach(jdbc, geometry, srid, digits, row);
	}

}
