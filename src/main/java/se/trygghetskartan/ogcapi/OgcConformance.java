package se.trygghetskartan.ogcapi;

import java.util.List;

/**
 * The conformance classes this API declares at {@code /ogc/conformance}: exactly those it implements,
 * and the one place to add a class when a part is built. Part 4 (create, replace, update with a merge
 * patch, delete) holds for places and measures: OgcItemEditController.
 */
final class OgcConformance {

	static final List<String> CLASSES = List.of(
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
			"http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
			"http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
			"http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
			"http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features");

	private OgcConformance() {
	}

}
