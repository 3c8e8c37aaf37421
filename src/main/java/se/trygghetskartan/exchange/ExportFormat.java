package se.trygghetskartan.exchange;

import java.util.Arrays;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

import org.springframework.http.MediaType;

/** The files a layer is exported as, by the extension of the address ({@code places.gpkg}). */
enum ExportFormat {

	GPKG("gpkg", "application/geopackage+sqlite3"), GEOJSON("geojson", "application/geo+json"),
	CSV("csv", "text/csv;charset=UTF-8");

	private final String extension;

	private final MediaType mediaType;

	ExportFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = MediaType.parseMediaType(mediaType);
	}

	String extension() {
		return extension;
	}

	MediaType mediaType() {
		return mediaType;
	}

	/** The format an extension names; 400 for one there is not. */
	static ExportFormat of(String extension) {
		return Arrays.stream(values())
			.filter(format -> format.extension.equals(extension))
			.findFirst()
			.orElseThrow(() -> InvalidRequestException.parameter("format", RequestError.NOT_ONE_OF, "value", extension,
					"allowed", String.join(", ", Arrays.stream(values()).map(ExportFormat::extension).toList())));
	}

}
