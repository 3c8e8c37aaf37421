package se.trygghetskartan.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.SupportedCrs;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a layer as a file while PostgreSQL streams its rows: in one read-only transaction, which is
 * what lets the driver read a few hundred rows at a time rather than the whole layer. The file goes to
 * a temporary file first, so that the connection is free again before the download starts (a slow
 * client must not hold one of the pool's few connections for its whole download).
 */
@Service
class ExportService {

	/** Where a file goes, opened (headers sent) only when its first byte is ready. */
	@FunctionalInterface
	interface Destination {

		OutputStream open() throws IOException;

	}

	private final GeoJsonExport geoJson;

	private final CsvExport csv;

	private final GeoPackageExport geoPackage;

	ExportService(GeoJsonExport geoJson, CsvExport csv, GeoPackageExport geoPackage) {
		this.geoJson = geoJson;
		this.csv = csv;
		this.geoPackage = geoPackage;
	}

	/** The file, in a temporary file that is the caller's to send and delete. */
	@Transactional(readOnly = true)
	public Path write(FeatureSource source, ExportFormat format, SupportedCrs crs, String layer) throws IOException {
		Path file = Files.createTempFile("export", "." + format.extension());
		try {
			Destination to = () -> Files.newOutputStream(file);
			switch (format) {
				case GEOJSON -> geoJson.write(source, crs, layer, to);
				case CSV -> csv.write(source, crs, to);
				case GPKG -> geoPackage.write(source, crs, layer, to);
			}
			return file;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/** Decimals of coordinates written as text: a tenth of a millimetre in metres, about as fine in degrees. */
	static int digits(SupportedCrs crs) {
		return crs == SupportedCrs.SWEREF99_TM ? 4 : 9;
	}

}
