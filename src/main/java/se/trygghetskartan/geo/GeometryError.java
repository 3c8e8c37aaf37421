package se.trygghetskartan.geo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.trygghetskartan.system.ErrorCode;

/**
 * What can be wrong with a geometry or a file of features: its structure as GeoJSON, its
 * coordinates, its validity as PostGIS (GEOS) judges it, and its place in the municipality. The
 * markable ones are said of a position, which the planners' map marks.
 */
public enum GeometryError implements ErrorCode {

	// Structure (GeometryReader).

	GEOMETRY_REQUIRED,
	NOT_GEOMETRY,
	/** allowed */
	GEOMETRY_TYPE_REQUIRED,
	/** allowed */
	GEOMETRY_COLLECTION,
	/** type, allowed */
	WRONG_GEOMETRY_TYPE,
	COORDINATES_REQUIRED,
	EMPTY_GEOMETRY,
	LINE_TOO_SHORT,
	POLYGON_WITHOUT_RINGS,
	/** count */
	RING_TOO_SHORT,
	NOT_POSITIONS,
	/** max */
	TOO_MANY_POSITIONS,
	NOT_POSITION,

	// Coordinates, said of the position.

	NOT_LON_LAT(true),
	/** extent */
	OUTSIDE_EXTENT(true),
	/** extent */
	LAT_LON_SWAPPED(true),

	// Validity, from PostGIS's reason (ST_IsValidDetail); detail is its own words.

	SELF_INTERSECTION(true),
	RING_SELF_INTERSECTION(true),
	HOLE_OUTSIDE_SHELL(true),
	NESTED_HOLES(true),
	DISCONNECTED_INTERIOR(true),
	NESTED_SHELLS(true),
	DUPLICATE_RINGS(true),
	TOO_FEW_POINTS(true),
	INVALID_COORDINATE(true),
	RING_NOT_CLOSED(true),
	REPEATED_POINT(true),
	/** detail */
	TOPOLOGY_ERROR(true),

	// Positions to transform (POST /api/coordinate-transforms).

	/** supported */
	CRS_REQUIRED,
	/** max */
	COORDINATES_LIST,
	/** value */
	NOT_XY,
	NOT_SWEREF,

	// Files of features (GeoJSON, GeoPackage).

	/** supported */
	GEOPACKAGE_AS_JSON,
	NOT_A_COLLECTION,
	TRAILING_CONTENT,
	CRS_AFTER_FEATURES,
	FEATURES_NOT_ARRAY,
	/** max */
	TOO_MANY_FEATURES,
	CRS_NOT_NAMED,
	/** crs, supported */
	UNSUPPORTED_CRS,
	NOT_GEOPACKAGE,
	/** detail */
	GEOPACKAGE_UNREADABLE,
	NO_FEATURE_TABLE,
	/** layer, layers */
	NO_SUCH_LAYER,
	NOT_A_FEATURE,
	NO_GEOMETRY,
	/** detail */
	UNREADABLE_GEOMETRY,

	// An area of a file as PostGIS judged it (ImportedArea).

	/** problem (what PostGIS found), position and crs */
	INVALID_GEOMETRY,
	/** problem */
	EMPTY_AFTER_REPAIR,
	/** problem */
	INVALID_AFTER_TRANSFORM,
	/** crs */
	NOT_TRANSFORMABLE;

	private final boolean markable;

	// GEOS's words for each defect (its TopologyValidationError), the longer first where one contains
	// another; then liblwgeom's, for a geometry GEOS could not even build.
	private static final List<Map.Entry<String, GeometryError>> POSTGIS_WORDS = List.of(
			Map.entry("ring self-intersection", RING_SELF_INTERSECTION), Map.entry("self-intersection", SELF_INTERSECTION),
			Map.entry("hole lies outside shell", HOLE_OUTSIDE_SHELL), Map.entry("holes are nested", NESTED_HOLES),
			Map.entry("interior is disconnected", DISCONNECTED_INTERIOR), Map.entry("nested shells", NESTED_SHELLS),
			Map.entry("duplicate rings", DUPLICATE_RINGS), Map.entry("too few points", TOO_FEW_POINTS),
			Map.entry("invalid coordinate", INVALID_COORDINATE), Map.entry("ring is not closed", RING_NOT_CLOSED),
			Map.entry("repeated point", REPEATED_POINT), Map.entry("invalid number of points", TOO_FEW_POINTS),
			Map.entry("do not form a closed linestring", RING_NOT_CLOSED));

	GeometryError() {
		this(false);
	}

	GeometryError(boolean markable) {
		this.markable = markable;
	}

	@Override
	public boolean markable() {
		return markable;
	}

	/**
	 * The code of what PostGIS says is wrong: ST_IsValidReason's or ST_IsValidDetail's words, with or
	 * without a position after them; {@code topology_error} for words it has no code for.
	 */
	static GeometryError ofPostgis(String reason) {
		String said = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
		return POSTGIS_WORDS.stream()
			.filter(words -> said.contains(words.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(TOPOLOGY_ERROR);
	}

}
