package se.trygghetskartan.geo;

import java.util.Locale;

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
	 * The code of what PostGIS (GEOS) says is wrong: ST_IsValidReason's or ST_IsValidDetail's words,
	 * with or without a position after them, or liblwgeom's when GEOS could not even build it.
	 */
	static GeometryError ofPostgis(String reason) {
		String said = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
		if (said.startsWith("ring self-intersection")) {
			return RING_SELF_INTERSECTION;
		}
		if (said.startsWith("self-intersection")) {
			return SELF_INTERSECTION;
		}
		if (said.startsWith("hole lies outside shell")) {
			return HOLE_OUTSIDE_SHELL;
		}
		if (said.startsWith("holes are nested")) {
			return NESTED_HOLES;
		}
		if (said.startsWith("interior is disconnected")) {
			return DISCONNECTED_INTERIOR;
		}
		if (said.startsWith("nested shells")) {
			return NESTED_SHELLS;
		}
		if (said.startsWith("duplicate rings")) {
			return DUPLICATE_RINGS;
		}
		if (said.startsWith("too few points") || said.contains("invalid number of points")) {
			return TOO_FEW_POINTS;
		}
		if (said.startsWith("invalid coordinate")) {
			return INVALID_COORDINATE;
		}
		if (said.startsWith("ring is not closed") || said.contains("do not form a closed linestring")) {
			return RING_NOT_CLOSED;
		}
		if (said.startsWith("repeated point")) {
			return REPEATED_POINT;
		}
		return TOPOLOGY_ERROR;
	}

}
