package se.trygghetskartan.geo;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CRS and axis order the GeoJSON that reads build is written in, when an adapter (the OGC API)
 * asks for another than WGS 84 lon/lat: the modules' own SQL stays as it is ({@code ST_AsGeoJSON(g, 7)}),
 * and {@link #rewrite} makes each such call transform the stored geometry in PostGIS, so that no
 * precision is lost on the way (a place written in SWEREF 99 TM reads back to the millimetre).
 */
public record GeometryOutput(int srid, boolean northingFirst, int decimals) {

	private static final ThreadLocal<GeometryOutput> CURRENT = new ThreadLocal<>();

	// ST_AsGeoJSON(p.geom, 7): a column (or alias.column) and the decimals the module writes WGS 84 with.
	private static final Pattern AS_GEOJSON = Pattern.compile("ST_AsGeoJSON\\(([A-Za-z_][A-Za-z_0-9.]*), \\d+\\)");

	/** What {@code work} reads, its GeoJSON written in this CRS and axis order. */
	public <T> T read(Supplier<T> work) {
		GeometryOutput before = CURRENT.get();
		CURRENT.set(this);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(before);
			}
		}
	}

	/**
	 * The SQL with every {@code ST_AsGeoJSON(column, n)} writing the column in the CRS the current read
	 * asks for ({@link #read}); unchanged when it asks for none (WGS 84, lon/lat).
	 */
	public static String rewrite(String sql) {
		GeometryOutput output = CURRENT.get();
		if (output == null) {
			return sql;
		}
		Matcher matcher = AS_GEOJSON.matcher(sql);
		return matcher.replaceAll(match -> Matcher.quoteReplacement(output.asGeoJson(match.group(1))));
	}

	// Options 0: no "crs" member (RFC 7946 has none; the OGC API says the CRS in the Content-Crs header).
	private String asGeoJson(String column) {
		String geometry = srid == 4326 ? column : "ST_Transform(" + column + ", " + srid + ")";
		if (northingFirst) {
			geometry = "ST_FlipCoordinates(" + geometry + ")";
		}
		return "ST_AsGeoJSON(" + geometry + ", " + decimals + ", 0)";
	}

}
