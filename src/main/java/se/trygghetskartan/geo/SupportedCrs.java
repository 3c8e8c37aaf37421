package se.trygghetskartan.geo;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.trygghetskartan.system.InvalidRequestException;

/**
 * The coordinate reference systems files may come in: WGS 84 (GeoJSON's own) and SWEREF 99 TM, what
 * Swedish municipalities' GIS works in. Both are read with x = easting/longitude, y =
 * northing/latitude, as GeoJSON, GeoPackage and PostGIS store them whatever the official axis order.
 */
public enum SupportedCrs {

	WGS84(4326, "WGS 84"), SWEREF99_TM(3006, "SWEREF 99 TM");

	// EPSG:3006, 3006, urn:ogc:def:crs:EPSG::3006 (with or without a version), the OGC's http URIs.
	private static final Pattern EPSG = Pattern.compile(
			"(?i)(?:epsg:{1,2}|urn:ogc:def:crs:epsg:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/)?(\\d{1,6})");

	private static final Pattern CRS84 = Pattern.compile(
			"(?i)(?:urn:ogc:def:crs:ogc:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/ogc/[0-9.]+/|ogc:)?crs84");

	private final int srid;

	private final String title;

	SupportedCrs(int srid, String title) {
		this.srid = srid;
		this.title = title;
	}

	public int srid() {
		return srid;
	}

	/** "EPSG:3006". */
	public String code() {
		return "EPSG:" + srid;
	}

	public String title() {
		return title;
	}

	public static Optional<SupportedCrs> ofEpsg(long code) {
		return Arrays.stream(values()).filter(crs -> crs.srid == code).findFirst();
	}

	/** Whether a CRS name is OGC's CRS84 (WGS 84 with longitude first), in any of its spellings. */
	public static boolean isCrs84(String name) {
		return name != null && CRS84.matcher(name.strip()).matches();
	}

	/** The EPSG code a CRS name gives (CRS84 counts as 4326), or null when it names none. */
	public static Integer epsgOf(String name) {
		if (name == null) {
			return null;
		}
		String trimmed = name.strip();
		if (isCrs84(trimmed)) {
			return 4326;
		}
		Matcher matcher = EPSG.matcher(trimmed);
		return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
	}

	/** A CRS chosen by a query parameter; null when absent; 400 when it is not one of ours. */
	public static SupportedCrs parameter(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Integer code = epsgOf(value);
		return (code == null ? Optional.<SupportedCrs>empty() : ofEpsg(code)).orElseThrow(() -> InvalidRequestException
			.parameter(name, GeometryError.UNSUPPORTED_CRS, "crs", value, "supported", described()));
	}

	/** ["EPSG:4326 (WGS 84)", "EPSG:3006 (SWEREF 99 TM)"], as reasons list them. */
	public static java.util.List<String> described() {
		return java.util.List.of(WGS84.code() + " (" + WGS84.title + ")", SWEREF99_TM.code() + " (" + SWEREF99_TM.title + ")");
	}

}
