package se.trygghetskartan.geo;

import se.trygghetskartan.system.ETags;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** GeoJSON answers: {@code application/geo+json}, Features with their version as ETag. */
public final class GeoJsonResponses {

	public static final String GEO_JSON_VALUE = "application/geo+json";

	public static final MediaType GEO_JSON = MediaType.parseMediaType(GEO_JSON_VALUE);

	private GeoJsonResponses() {
	}

	public static ResponseEntity<String> feature(ResponseEntity.BodyBuilder response, StoredFeature feature) {
		return geoJson(response.eTag(ETags.of(feature.version())), feature.json());
	}

	public static ResponseEntity<String> geoJson(ResponseEntity.BodyBuilder response, String json) {
		return response.contentType(GEO_JSON).body(json);
	}

}
