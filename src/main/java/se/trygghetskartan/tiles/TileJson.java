package se.trygghetskartan.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.MunicipalityExtent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** A layer's TileJSON 3.0.0 document: where its tiles are, at which zooms, over which extent, with which fields. */
@Component
class TileJson {

	private final MunicipalityExtent extent;

	private final JsonMapper json;

	TileJson(MunicipalityExtent extent, JsonMapper json) {
		this.extent = extent;
		this.json = json;
	}

	/** The document of {@code layer}, its tiles under {@code base} (scheme, host and context path). */
	String of(TileLayer layer, String base) {
		BoundingBox box = extent.extent();
		Map<String, Object> vectorLayer = new LinkedHashMap<>();
		vectorLayer.put("id", layer.name());
		vectorLayer.put("description", layer.description());
		vectorLayer.put("minzoom", layer.minZoom());
		vectorLayer.put("maxzoom", Tile.MAX_ZOOM);
		vectorLayer.put("fields", layer.fields());
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("tilejson", "3.0.0");
		document.put("name", layer.name());
		document.put("description", layer.description());
		document.put("scheme", "xyz");
		document.put("tiles", List.of(base + "/tiles/" + layer.name() + "/{z}/{x}/{y}.mvt"));
		document.put("minzoom", layer.minZoom());
		document.put("maxzoom", Tile.MAX_ZOOM);
		document.put("bounds", List.of(box.minLon(), box.minLat(), box.maxLon(), box.maxLat()));
		document.put("vector_layers", List.of(vectorLayer));
		return json.writeValueAsString(document);
	}

}
