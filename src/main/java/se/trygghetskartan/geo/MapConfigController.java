package se.trygghetskartan.geo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the map pages need to know: the background tiles and the municipality's extent. */
@RestController
class MapConfigController {

	private final MapProperties map;

	private final GeoProperties geo;

	MapConfigController(MapProperties map, GeoProperties geo) {
		this.map = map;
		this.geo = geo;
	}

	@GetMapping("/api/config")
	Map<String, Object> config() {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("tileUrl", map.tileUrl());
		config.put("tileAttribution", map.tileAttribution());
		config.put("maxZoom", map.maxZoom());
		config.put("extent", geo.extent());
		return config;
	}

}
