package se.trygghetskartan.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.SupportedCrs;

import org.springframework.stereotype.Component;

/**
 * A layer as a GeoJSON FeatureCollection, written Feature by Feature as PostgreSQL sends them. In WGS
 * 84 it is RFC 7946; in SWEREF 99 TM it names its CRS with the {@code crs} member of the 2008
 * specification ({@code urn:ogc:def:crs:EPSG::3006}), which GDAL and QGIS still read, with
 * coordinates easting, northing as GIS files have them.
 */
@Component
class GeoJsonExport {

	void write(FeatureSource source, SupportedCrs crs, String layer, ExportService.Destination to) throws IOException {
		Writer out = new BufferedWriter(new OutputStreamWriter(to.open(), StandardCharsets.UTF_8));
		out.write("{\"type\":\"FeatureCollection\",\"name\":\"" + layer + "\",");
		if (crs != SupportedCrs.WGS84) {
			out.write("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::" + crs.srid() + "\"}},");
		}
		out.write("\"features\":[");
		boolean[] first = { true };
		source.forEach(crs.srid(), ExportService.digits(crs), (feature, wkb) -> {
			out.write(first[0] ? "\n" : ",\n");
			out.write(feature);
			first[0] = false;
		});
		out.write("\n]}\n");
		out.flush();
	}

}
