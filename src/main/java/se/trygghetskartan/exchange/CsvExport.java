package se.trygghetskartan.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.SupportedCrs;
import se.trygghetskartan.system.Csv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A layer as a spreadsheet file (UTF-8, ';', as the app's other exports): the Feature's properties
 * under the same names, then {@code WKT} (the geometry, which GDAL and QGIS read from a column of
 * that name) and {@code x}, {@code y}: a point's own coordinates, else a point on the line or inside
 * the area (JTS's interior point, as PostGIS's {@code ST_PointOnSurface}), so that a spreadsheet can
 * place every row. A CSV file cannot name its CRS: the address's {@code crs} says it.
 */
@Component
class CsvExport {

	static final List<String> GEOMETRY_COLUMNS = List.of("WKT", "x", "y");

	private final JsonMapper json;

	CsvExport(JsonMapper json) {
		this.json = json;
	}

	void write(FeatureSource source, SupportedCrs crs, ExportService.Destination to) throws IOException {
		Writer out = new BufferedWriter(new OutputStreamWriter(to.open(), StandardCharsets.UTF_8));
		int digits = ExportService.digits(crs);
		List<String> names = new ArrayList<>();
		Csv.Sheet[] sheet = { null };
		source.forEach(crs.srid(), digits, (feature, wkb) -> {
			JsonNode properties = json.readTree(feature).path("properties");
			if (sheet[0] == null) {
				names.addAll(ExportValues.names(properties));
				sheet[0] = Csv.sheet(out, header(names));
			}
			List<Object> cells = ExportValues.cells(properties, names);
			Geometry geometry = ExportValues.geometry(wkb);
			if (geometry == null || geometry.isEmpty()) {
				cells.addAll(Arrays.asList(null, null, null));
			}
			else {
				Point at = geometry instanceof Point point ? point : geometry.getInteriorPoint();
				cells.add(new WKTWriter().write(geometry));
				cells.add(rounded(at.getX(), digits));
				cells.add(rounded(at.getY(), digits));
			}
			sheet[0].row(cells);
		});
		if (sheet[0] == null) {
			Csv.sheet(out, GEOMETRY_COLUMNS);
		}
		out.flush();
	}

	private static List<String> header(List<String> names) {
		List<String> header = new ArrayList<>(names);
		header.addAll(GEOMETRY_COLUMNS);
		return header;
	}

	private static BigDecimal rounded(double value, int digits) {
		return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
	}

}
