package se.trygghetskartan.ogcapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.GeometryError;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The OGC API's query parameters, read as the standard defines them, each wrong one a 400 naming it. */
final class OgcParameters {

	/** How many items a page holds when the request names no limit. */
	static final int DEFAULT_LIMIT = 10;

	/** The most a page holds: a larger limit gets this many, as the standard allows (no error). */
	static final int MAX_LIMIT = 10_000;

	// Days of incidents and activities are Swedish days.
	private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

	private OgcParameters() {
	}

	/** 400 for a query parameter the API definition does not name for this resource (Part 1, query-param-unknown). */
	static void allowOnly(Map<String, String[]> parameters, Set<String> allowed) {
		for (String name : parameters.keySet()) {
			if (!allowed.contains(name)) {
				throw InvalidRequestException.parameter(name, OgcError.UNKNOWN_PARAMETER, "name", name, "allowed",
						String.join(", ", new TreeSet<>(allowed)));
			}
		}
	}

	static Page page(Integer limit, Long offset) {
		if (limit != null && limit < 1) {
			throw InvalidRequestException.parameter("limit", RequestError.AT_LEAST, "min", 1);
		}
		if (offset != null && offset < 0) {
			throw InvalidRequestException.parameter("offset", RequestError.NEGATIVE);
		}
		return new Page(limit == null ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT), offset == null ? 0 : offset);
	}

	/**
	 * A {@code bbox} of 4 numbers (or 6, the heights ignored) in the axis order of {@code bbox-crs}
	 * (CRS84 when absent), as the box in WGS 84 lon/lat that the modules filter by. A box in SWEREF 99
	 * TM becomes the WGS 84 box around it (its edges densified first, so that none bulges out).
	 */
	// Where SWEREF 99 TM is used, with a margin: Sweden's easting and northing in metres.
	private static final double SWEREF_MIN_E = 0;

	private static final double SWEREF_MAX_E = 1_200_000;

	private static final double SWEREF_MIN_N = 6_000_000;

	private static final double SWEREF_MAX_N = 7_800_000;

	static BoundingBox bbox(String bbox, String bboxCrs, JdbcClient jdbc) {
		if (bbox == null || bbox.isBlank()) {
			return null;
		}
		OgcCrs crs = OgcCrs.parameter("bbox-crs", bboxCrs);
		String[] parts = bbox.split(",", -1);
		if (parts.length != 4 && parts.length != 6) {
			throw InvalidRequestException.parameter("bbox", OgcError.BBOX_NEEDS_FOUR_OR_SIX);
		}
		int half = parts.length / 2;
		// Lower corner's two axes, upper corner's two axes, in the CRS's own order.
		String[] corners = { parts[0], parts[1], parts[half], parts[half + 1] };
		if (crs == OgcCrs.CRS84) {
			return BoundingBox.parse(String.join(",", corners));
		}
		if (crs.srid() == 4326) {
			return BoundingBox.parse(String.join(",", corners[1], corners[0], corners[3], corners[2]));
		}
		double[] n = BoundingBox.numbers(corners);
		if (n[0] > n[2] || n[1] > n[3]) {
			throw InvalidRequestException.parameter("bbox", RequestError.MIN_ABOVE_MAX);
		}
		// Northing first: (minN, minE, maxN, maxE), cut to where SWEREF 99 TM is used (a client may ask for
		// far more, the world's extent, say); a box wholly outside it names no place in Sweden.
		double minE = Math.max(n[1], SWEREF_MIN_E);
		double minN = Math.max(n[0], SWEREF_MIN_N);
		double maxE = Math.min(n[3], SWEREF_MAX_E);
		double maxN = Math.min(n[2], SWEREF_MAX_N);
		if (minE > maxE || minN > maxN) {
			throw InvalidRequestException.parameter("bbox", GeometryError.NOT_SWEREF);
		}
		// Its edges densified (at most 64 steps a side) so that none bulges out of the lon/lat box.
		double[] box = jdbc.sql("""
				SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Transform(ST_Segmentize(
				  ST_MakeEnvelope(:minE, :minN, :maxE, :maxN, :srid), greatest(:maxE - :minE, :maxN - :minN, 640) / 64),
				  4326)::box2d AS b) t""")
			.param("minE", minE)
			.param("minN", minN)
			.param("maxE", maxE)
			.param("maxN", maxN)
			.param("srid", crs.srid())
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
			.single();
		return BoundingBox.parse(box[0] + "," + box[1] + "," + box[2] + "," + box[3]);
	}

	/**
	 * The days a {@code datetime} names: an instant (a date or a date-time), or an interval
	 * {@code start/end} with either end open ({@code ..} or empty). Null for none; [from, to], either
	 * null when open.
	 */
	static LocalDate[] datetime(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String[] ends = value.strip().split("/", -1);
		if (ends.length > 2) {
			throw InvalidRequestException.parameter("datetime", OgcError.NOT_DATETIME, "value", value);
		}
		LocalDate from = day(ends[0], value, ends.length == 2);
		LocalDate to = ends.length == 2 ? day(ends[1], value, true) : from;
		if (from != null && to != null && to.isBefore(from)) {
			throw InvalidRequestException.parameter("datetime", RequestError.ENDS_BEFORE_START, "start", from);
		}
		return new LocalDate[] { from, to };
	}

	private static LocalDate day(String end, String value, boolean mayBeOpen) {
		String text = end.strip();
		if (mayBeOpen && (text.isEmpty() || text.equals(".."))) {
			return null;
		}
		try {
			return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			throw InvalidRequestException.parameter("datetime", OgcError.NOT_DATETIME, "value", value);
		}
	}

}
