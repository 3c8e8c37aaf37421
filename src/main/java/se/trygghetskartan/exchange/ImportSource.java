package se.trygghetskartan.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import se.trygghetskartan.geo.FeatureStream;
import se.trygghetskartan.geo.FileFeature;
import se.trygghetskartan.geo.GeometryError;
import se.trygghetskartan.system.CsvRecords;
import se.trygghetskartan.system.Reason;

/**
 * The rows of a file being imported, one at a time: a GeoJSON or GeoPackage feature (numbered from 1)
 * or a CSV record (numbered by its line), its cells by column, and its geometry in the file's CRS or
 * why it cannot be read.
 */
interface ImportSource extends Closeable {

	/** One row: {@code number} is the feature's number, or for CSV the record's first line. */
	record Row(int number, Map<String, String> cells, Geometry geometry, Reason problem, String problemField) {
	}

	/** "GeoJSON", "GeoPackage" or "CSV". */
	String format();

	/** Whether rows are numbered by line (CSV) rather than by feature. */
	default boolean byLine() {
		return false;
	}

	/** The CRS the file says it is in, or null. */
	String declaredCrs();

	/** The GeoPackage table read, or null. */
	default String table() {
		return null;
	}

	/** The columns known so far (a GeoJSON file's grow as its features are read). */
	List<String> columns();

	/** Whether {@link #columns()} are all of them before the first row is read. */
	default boolean columnsKnown() {
		return true;
	}

	/** The next row, or null after the last. */
	Row next() throws IOException;

	/** A GeoJSON or GeoPackage file's features. */
	static ImportSource of(FeatureStream features) {
		return new ImportSource() {

			@Override
			public String format() {
				return features.format();
			}

			@Override
			public String declaredCrs() {
				return features.declaredCrs();
			}

			@Override
			public String table() {
				return features.layer();
			}

			@Override
			public List<String> columns() {
				return features.propertyNames();
			}

			@Override
			public boolean columnsKnown() {
				return features.layer() != null;
			}

			@Override
			public Row next() throws IOException {
				FileFeature feature = features.next();
				if (feature == null) {
					return null;
				}
				// A feature without a geometry is for the draft to judge: a measure may lie at its places.
				Reason problem = feature.problem() != null && feature.problem().code().equals(GeometryError.NO_GEOMETRY.code())
						? null : feature.problem();
				return new Row(feature.number(), feature.properties(), feature.geometry(), problem, "geometry");
			}

			@Override
			public void close() throws IOException {
				features.close();
			}

		};
	}

	/**
	 * A CSV file's records, the geometry read from the WKT column or the x and y columns the mapping
	 * names (none when it names neither).
	 */
	static ImportSource csv(java.io.InputStream in, Charset charset, ImportMapping mapping) throws IOException {
		CsvRecords records = new CsvRecords(in, charset);
		String wkt = mapping.column(ImportLayer.WKT);
		String x = mapping.column(ImportLayer.X);
		String y = mapping.column(ImportLayer.Y);
		GeometryFactory factory = new GeometryFactory();
		return new ImportSource() {

			@Override
			public String format() {
				return "CSV";
			}

			@Override
			public boolean byLine() {
				return true;
			}

			@Override
			public String declaredCrs() {
				return null;
			}

			@Override
			public List<String> columns() {
				return records.header();
			}

			@Override
			public Row next() throws IOException {
				CsvRecords.Record record = records.next();
				if (record == null) {
					return null;
				}
				Map<String, String> cells = new HashMap<>();
				if (!record.readable()) {
					return new Row(record.line(), cells, null, record.rejected(), "");
				}
				List<String> header = records.header();
				for (int i = 0; i < header.size() && i < record.cells().size(); i++) {
					if (!record.cells().get(i).isBlank()) {
						cells.put(header.get(i), record.cells().get(i).strip());
					}
				}
				if (wkt != null) {
					String text = cells.get(wkt);
					if (text == null) {
						return new Row(record.line(), cells, null, null, null);
					}
					try {
						return new Row(record.line(), cells, new WKTReader(factory).read(text), null, null);
					}
					catch (ParseException | IllegalArgumentException ex) {
						return new Row(record.line(), cells, null,
								Reason.of(ImportError.UNREADABLE_WKT, "detail", String.valueOf(ex.getMessage())), wkt);
					}
				}
				if (x == null || y == null || (cells.get(x) == null && cells.get(y) == null)) {
					return new Row(record.line(), cells, null, null, null);
				}
				for (String column : List.of(x, y)) {
					if (cells.get(column) == null) {
						return new Row(record.line(), cells, null, Reason.of(ImportError.COORDINATE_MISSING, "column", column),
								column);
					}
					if (number(cells.get(column)) == null) {
						return new Row(record.line(), cells, null, Reason.of(ImportError.NOT_A_COORDINATE, "value",
								cells.get(column)), column);
					}
				}
				return new Row(record.line(), cells,
						factory.createPoint(new Coordinate(number(cells.get(x)), number(cells.get(y)))), null, null);
			}

			@Override
			public void close() throws IOException {
				records.close();
			}

		};
	}

	// 6543210.5, or with a decimal comma as Swedish spreadsheets write it: 6543210,5.
	private static Double number(String text) {
		String value = text.indexOf('.') < 0 ? text.replace(',', '.') : text;
		try {
			double parsed = Double.parseDouble(value);
			return Double.isFinite(parsed) ? parsed : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
