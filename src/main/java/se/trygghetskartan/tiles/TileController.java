package se.trygghetskartan.tiles;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.trygghetskartan.geo.PublicCache;
import se.trygghetskartan.system.NotFoundException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Vector tiles and their TileJSON documents, public and cached like every public answer. */
@RestController
class TileController {

	static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

	private final Map<String, TileLayer> layers;

	private final TileJson documents;

	private final PublicCache cache;

	TileController(List<TileLayer> layers, TileJson documents, PublicCache cache) {
		this.layers = layers.stream().collect(Collectors.toMap(TileLayer::name, Function.identity()));
		this.documents = documents;
		this.cache = cache;
	}

	/** A tile; an empty body (200) when nothing lies in it, which MapLibre and OpenLayers draw as empty. */
	@GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
	ResponseEntity<byte[]> tile(@PathVariable String layer, @PathVariable int z, @PathVariable long x,
			@PathVariable long y, @RequestParam Map<String, String> query) {
		TileLayer chosen = layer(layer);
		Tile tile = Tile.of(z, x, y);
		return cache.forEveryone(chosen.dataVersions(), "", MVT,
				() -> z < chosen.minZoom() ? new byte[0] : chosen.tile(tile, query));
	}

	/** The layer's TileJSON 3.0.0 document, its tiles' URL made from the request's own. */
	@GetMapping(path = "/tiles/{layer}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> tileJson(@PathVariable String layer) {
		TileLayer chosen = layer(layer);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		// The document names the host it was asked at, and the extent from the settings.
		return cache.forEveryone(chosen.dataVersions(), Integer.toHexString(base.hashCode()),
				MediaType.APPLICATION_JSON, () -> documents.of(chosen, base));
	}

	private TileLayer layer(String name) {
		TileLayer layer = layers.get(name);
		if (layer == null) {
			throw new NotFoundException("layer", name);
		}
		return layer;
	}

}
