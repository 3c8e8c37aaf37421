package se.trygghetskartan.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import se.trygghetskartan.geo.FeatureLayer;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.SupportedCrs;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/export/{layer}.{gpkg|geojson|csv}?crs=&…}: a layer as a file for a desktop GIS, with
 * the items its list's parameters select as that list shows them to this reader. SWEREF 99 TM unless
 * {@code crs} says WGS 84: what a Swedish municipality's GIS works in.
 */
@RestController
class ExportController {

	/** The CRS of a file when none is asked for. */
	static final SupportedCrs DEFAULT_CRS = SupportedCrs.SWEREF99_TM;

	// The day in a file's name is the municipality's.
	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	// What besides the address decides the answer: who reads it.
	private static final String[] BY_READER = { HttpHeaders.COOKIE, HttpHeaders.AUTHORIZATION };

	private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();

	private final ExportService exports;

	private final Municipalities municipalities;

	ExportController(List<FeatureLayer> layers, ExportService exports, Municipalities municipalities) {
		layers.forEach(layer -> this.layers.put(layer.layer(), layer));
		this.exports = exports;
		this.municipalities = municipalities;
	}

	@GetMapping("/api/export/{layer}.{format}")
	void export(@PathVariable String layer, @PathVariable String format,
			@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response) throws IOException {
		FeatureLayer exported = layers.get(layer);
		if (exported == null) {
			throw InvalidRequestException.parameter("layer", RequestError.NOT_ONE_OF, "value", layer, "allowed",
					String.join(", ", layers.keySet()));
		}
		ExportFormat file = ExportFormat.of(format);
		SupportedCrs crs = SupportedCrs.parameter("crs", parameters.getFirst("crs"));
		FeatureSource source = exported.exported(parameters);
		String name = municipalities.current().slug() + "-" + layer + "-" + LocalDate.now(SWEDEN) + "." + file.extension();
		// Headers only once the file is ready to go: until then a failure still answers as a problem.
		Path written = exports.write(source, file, crs == null ? DEFAULT_CRS : crs, layer);
		try {
			response.setContentType(file.mediaType().toString());
			response.setContentLengthLong(Files.size(written));
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name).build().toString());
			response.setHeader(HttpHeaders.CACHE_CONTROL, (CurrentUser.isStaff() ? CacheControl.noStore() : CacheControl.noCache())
				.getHeaderValue());
			response.setHeader(HttpHeaders.VARY, String.join(", ", BY_READER));
			try (InputStream in = Files.newInputStream(written); OutputStream out = response.getOutputStream()) {
				in.transferTo(out);
			}
		}
		finally {
			Files.deleteIfExists(written);
		}
	}

}
