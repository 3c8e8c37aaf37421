package se.trygghetskartan.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import se.trygghetskartan.geo.SupportedCrs;
import se.trygghetskartan.system.TextLines;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;

/**
 * Imports of places and measures for the municipality's planners ({@code municipality=slug}). The
 * file is the request body, its kind said by its Content-Type: {@code application/geo+json} (or
 * {@code application/json}), {@code application/geopackage+sqlite3} or {@code text/csv} (with a
 * {@code charset} parameter, else UTF-8).
 */
@RestController
@RequestMapping("/api/imports/{layer}")
class ImportController {

	static final String GEOPACKAGE = "application/geopackage+sqlite3";

	private static final String CSV = "text/csv";

	private final ImportService imports;

	ImportController(ImportService imports) {
		this.imports = imports;
	}

	/**
	 * Imports the file's rows: {@code mapping} a JSON object of field to column (else the saved one and
	 * same-name columns), {@code crs} the CRS of a file that says none (a CSV file's WKT or x/y
	 * columns), {@code table} a GeoPackage's feature table (else the first), {@code dryRun} to only
	 * see the report.
	 */
	@PostMapping(consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, GEOPACKAGE, CSV },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ImportReport importFile(@PathVariable String layer, InputStream body, HttpServletRequest request,
			@RequestParam(required = false) String mapping, @RequestParam(required = false) String crs,
			@RequestParam(required = false) String table, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(required = false) String charset) throws IOException {
		ImportLayer imported = ImportLayer.of(layer);
		SupportedCrs chosen = SupportedCrs.parameter("crs", crs);
		imports.planners(); // before the file is read
		try (ImportUpload upload = upload(body, request, table, charset)) {
			return imports.run(imported, upload, mapping, chosen, dryRun);
		}
	}

	/** The file's columns and CRS, and the mapping proposed for it. */
	@PostMapping(path = "/inspect", consumes = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, GEOPACKAGE, CSV },
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> inspect(@PathVariable String layer, InputStream body, HttpServletRequest request,
			@RequestParam(required = false) String table, @RequestParam(required = false) String charset)
			throws IOException {
		ImportLayer imported = ImportLayer.of(layer);
		imports.planners(); // before the file is read
		try (ImportUpload upload = upload(body, request, table, charset)) {
			return imports.inspect(imported, upload);
		}
	}

	/** The mapping the municipality's last import of the layer used. */
	@GetMapping(path = "/mapping", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> mapping(@PathVariable String layer) {
		return imports.saved(ImportLayer.of(layer));
	}

	private static ImportUpload upload(InputStream body, HttpServletRequest request, String table, String charset)
			throws IOException {
		String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
		MediaType type = MediaType.parseMediaType(contentType);
		ImportUpload.Format format = type.isCompatibleWith(MediaType.parseMediaType(GEOPACKAGE))
				? ImportUpload.Format.GEOPACKAGE
				: type.isCompatibleWith(MediaType.parseMediaType(CSV)) ? ImportUpload.Format.CSV
						: ImportUpload.Format.GEOJSON;
		return ImportUpload.of(body, format, TextLines.declared(contentType, charset), table);
	}

}
