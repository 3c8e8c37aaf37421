package se.trygghetskartan.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import se.trygghetskartan.geo.FeatureFiles;
import se.trygghetskartan.geo.GeometryKind;

/**
 * A file sent to be imported, kept on disk while it is read (twice: once for its columns and CRS,
 * once for its rows), so that neither it nor its features are ever held in memory, and so that
 * reading it at the pace of the database does not slow its upload. Deleted when closed.
 *
 * @param table the GeoPackage table to read, or null for the first
 */
record ImportUpload(Format format, Path file, Charset charset, String table) implements Closeable {

	/** The kinds of file, by the body's Content-Type. */
	enum Format {
		GEOJSON, GEOPACKAGE, CSV
	}

	static ImportUpload of(InputStream body, Format format, Charset charset, String table) throws IOException {
		Path file = Files.createTempFile("import", "." + format.name().toLowerCase(java.util.Locale.ROOT));
		try {
			Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		return new ImportUpload(format, file, charset, table);
	}

	/** The file's rows, a CSV file's geometry from the columns the mapping names. */
	ImportSource open(FeatureFiles files, ImportMapping mapping) throws IOException {
		InputStream in = Files.newInputStream(file);
		try {
			return switch (format) {
				case GEOJSON -> ImportSource.of(files.openGeoJson(in, GeometryKind.ANY_SIMPLE, true));
				case GEOPACKAGE -> {
					// Copied to a file of its own, which the GeoPackage library opens.
					try (in) {
						yield ImportSource.of(files.openGeoPackage(in, table, GeometryKind.ANY_SIMPLE));
					}
				}
				case CSV -> ImportSource.csv(in, charset, mapping);
			};
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	@Override
	public void close() throws IOException {
		Files.deleteIfExists(file);
	}

}
