package se.trygghetskartan.geo;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

/**
 * The square cells a map at one zoom level counts its items in, for a view that shows counts rather
 * than every item: cells of {@value #CELL_PIXELS} pixels in Web Mercator (EPSG:3857, the map's own
 * projection), fixed to the projection's origin so that a cell counts the same wherever the view
 * lies, and the view widened to whole cells so that no cell at its edge is counted in part.
 */
public record ClusterGrid(double cellMetres, BoundingBox box) {

	/** How wide a cell is on the screen, in pixels: about as near as the map's own clusters gather. */
	public static final int CELL_PIXELS = 64;

	/** The highest zoom a map asks counts for: more is closer than any map shows. */
	public static final int MAX_ZOOM = 24;

	// Metres of Web Mercator per pixel at zoom 0, where the world is 256 pixels wide.
	private static final double METRES_PER_PIXEL = 2 * Math.PI * 6_378_137 / 256;

	private static final double RADIUS = 6_378_137;

	// Web Mercator ends here, so that the world is square.
	private static final double MAX_LATITUDE = 85.05112878;

	/** The grid of a {@code zoom} parameter over a {@code bbox} parameter, both required; else a 400 saying what is wrong. */
	public static ClusterGrid of(BoundingBox bbox, Double zoom) {
		if (bbox == null) {
			throw InvalidRequestException.parameter("bbox", RequestError.REQUIRED);
		}
		if (zoom == null) {
			throw InvalidRequestException.parameter("zoom", RequestError.REQUIRED);
		}
		if (!Double.isFinite(zoom) || zoom < 0 || zoom > MAX_ZOOM) {
			throw InvalidRequestException.parameter("zoom", RequestError.OUT_OF_RANGE, "min", 0, "max", MAX_ZOOM);
		}
		double cell = CELL_PIXELS * METRES_PER_PIXEL / Math.pow(2, Math.floor(zoom));
		double west = Math.floor(x(bbox.minLon()) / cell) * cell;
		double east = Math.ceil(x(bbox.maxLon()) / cell) * cell;
		double south = Math.floor(y(bbox.minLat()) / cell) * cell;
		double north = Math.ceil(y(bbox.maxLat()) / cell) * cell;
		return new ClusterGrid(cell, new BoundingBox(Math.max(-180, lon(west)), Math.max(-MAX_LATITUDE, lat(south)),
				Math.min(180, lon(east)), Math.min(MAX_LATITUDE, lat(north))));
	}

	/**
	 * The SQL of the cell a point lies in, given in Web Mercator (EPSG:3857; transformed once by the
	 * caller, not once for each coordinate): a pair of whole numbers, with :cellMetres.
	 */
	static String cellOf(String mercatorPoint) {
		return "floor(ST_X(%1$s) / :cellMetres), floor(ST_Y(%1$s) / :cellMetres)".formatted(mercatorPoint);
	}

	private static double x(double lon) {
		return Math.toRadians(lon) * RADIUS;
	}

	private static double y(double lat) {
		double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
		return RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2));
	}

	private static double lon(double x) {
		return Math.toDegrees(x / RADIUS);
	}

	private static double lat(double y) {
		return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
	}

}
