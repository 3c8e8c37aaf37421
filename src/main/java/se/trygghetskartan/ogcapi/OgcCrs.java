package se.trygghetskartan.ogcapi;

import java.util.Arrays;
import java.util.List;

import se.trygghetskartan.geo.GeometryError;
import se.trygghetskartan.geo.SupportedCrs;
import se.trygghetskartan.system.InvalidRequestException;

/**
 * The CRSs the OGC API answers and accepts (Part 2), each with its URI and its axis order as the CRS
 * defines it: CRS84 is longitude, latitude (the default, as GeoJSON); EPSG:4326 is latitude, longitude;
 * EPSG:3006 (SWEREF 99 TM) is northing, easting. PostGIS stores x = easting/longitude, so the two EPSG
 * CRSs swap the axes at the edge of the API.
 */
public enum OgcCrs {

	CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", SupportedCrs.WGS84, false),
	EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", SupportedCrs.WGS84, true),
	EPSG_3006("http://www.opengis.net/def/crs/EPSG/0/3006", SupportedCrs.SWEREF99_TM, true);

	private final String uri;

	private final SupportedCrs crs;

	private final boolean northingFirst;

	OgcCrs(String uri, SupportedCrs crs, boolean northingFirst) {
		this.uri = uri;
		this.crs = crs;
		this.northingFirst = northingFirst;
	}

	public String uri() {
		return uri;
	}

	/** The SRID PostGIS transforms to and from. */
	public int srid() {
		return crs.srid();
	}

	/** Whether coordinates are written (y, x): latitude or northing first. */
	public boolean northingFirst() {
		return northingFirst;
	}

	/** The {@code Content-Crs} header's value: the URI in angle brackets. */
	public String header() {
		return "<" + uri + ">";
	}

	/** All URIs, the default first, as a collection's {@code crs} list gives them. */
	public static List<String> uris() {
		return Arrays.stream(values()).map(OgcCrs::uri).toList();
	}

	/**
	 * The CRS a parameter or header names — a URI with or without angle brackets, a URN or
	 * {@code EPSG:3006} — or CRS84 when it names none; 400 when it names one we do not serve.
	 */
	public static OgcCrs parameter(String name, String value) {
		if (value == null || value.isBlank()) {
			return CRS84;
		}
		String named = value.strip();
		if (named.startsWith("<") && named.endsWith(">")) {
			named = named.substring(1, named.length() - 1).strip();
		}
		if (SupportedCrs.isCrs84(named)) {
			return CRS84;
		}
		Integer epsg = SupportedCrs.epsgOf(named);
		if (epsg != null) {
			for (OgcCrs crs : values()) {
				if (crs.northingFirst && crs.srid() == epsg) {
					return crs;
				}
			}
		}
		throw InvalidRequestException.parameter(name, GeometryError.UNSUPPORTED_CRS, "crs", value, "supported",
				String.join(", ", uris()));
	}

}
