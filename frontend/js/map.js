// The Leaflet map: background tiles from the configured URL, fitted to the municipality.
// Leaflet and its plugins are loaded as classic scripts and reached through window.L.
const L = window.L;

const TILE_FAILURES_BEFORE_GIVING_UP = 6;

export function createMap(element, config, label) {
  const map = L.map(element, { preferCanvas: true, zoomSnap: 0.5 });
  element.setAttribute('aria-label', label);
  const [minLon, minLat, maxLon, maxLat] = config.extent;
  map.fitBounds([[minLat, minLon], [maxLat, maxLon]]);
  addTiles(map, config);
  return map;
}

// Without access to the tile server the map works on, without a background: after a few failed
// tiles and none loaded, the layer is removed so the browser stops asking.
function addTiles(map, config) {
  const tiles = L.tileLayer(config.tileUrl, {
    maxZoom: config.maxZoom,
    attribution: escapeHtml(config.tileAttribution || ''),
  });
  let loaded = 0;
  let failed = 0;
  tiles.on('tileload', () => { loaded += 1; });
  tiles.on('tileerror', () => {
    failed += 1;
    if (loaded === 0 && failed >= TILE_FAILURES_BEFORE_GIVING_UP && map.hasLayer(tiles)) {
      map.removeLayer(tiles);
    }
  });
  tiles.addTo(map);
}

// Leaflet's attribution control takes HTML; the configured text must stay text.
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Leaflet bounds for any GeoJSON geometry or feature collection. */
export function boundsOf(geojson) {
  return L.geoJSON(geojson).getBounds();
}

/** A point to put a marker for a geometry: the point itself, else the middle of its bounds. */
export function anchorOf(geometry) {
  if (geometry.type === 'Point') {
    return L.latLng(geometry.coordinates[1], geometry.coordinates[0]);
  }
  return boundsOf(geometry).getCenter();
}
