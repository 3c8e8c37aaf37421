// The Leaflet map: background tiles from the configured URL, at the municipality's start view or
// fitted to its extent.
// Leaflet and its plugins are loaded as classic scripts and reached through window.L.
import { el } from './dom.js';
import { onLanguageChange, t, tn } from './i18n.js';

const L = window.L;

const TILE_FAILURES_BEFORE_GIVING_UP = 6;

/** How long the map waits for a first tile before it says the background is missing. */
const TILE_PATIENCE_MS = 15000;

/**
 * A map whose zoom range is its own, not its layers': without it, a map that loses its tile layer
 * has no maximum zoom, and marker clusters loop forever over zoom levels up to Infinity.
 */
export function createMap(element, config, label) {
  const map = L.map(element, {
    preferCanvas: true, zoomSnap: 0.5, minZoom: 0, maxZoom: config.maxZoom, zoomControl: false,
  });
  element.setAttribute('aria-label', label);
  addZoomControl(map);
  openMarkersByKeyboard(element);
  if (config.startView) {
    const [lon, lat] = config.startView.center;
    map.setView([lat, lon], config.startView.zoom);
  } else {
    const [minLon, minLat, maxLon, maxLat] = config.extent;
    map.fitBounds([[minLat, minLon], [maxLat, maxLon]]);
  }
  addTiles(map, config);
  return map;
}

/** Zoom buttons named in the page's language, renamed when it changes. */
function addZoomControl(map) {
  const control = L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
  const name = () => {
    [['.leaflet-control-zoom-in', 'map.zoomIn'], ['.leaflet-control-zoom-out', 'map.zoomOut']].forEach(([selector, key]) => {
      const button = control.getContainer().querySelector(selector);
      button.title = t(key);
      button.setAttribute('aria-label', t(key));
    });
  };
  whileMapLives(map, onLanguageChange(name));
}

/** Stops listening to language changes once the map is removed (the follow-up page makes maps anew). */
function whileMapLives(map, stop) {
  map.on('unload', stop);
}

/**
 * Enter and Space on a focused marker (a single item or a cluster, which Leaflet makes focusable
 * buttons) open it as a click does; Leaflet itself answers neither key (WCAG 2.1.1).
 */
function openMarkersByKeyboard(element) {
  element.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target.classList.contains('leaflet-marker-icon')) {
      event.preventDefault();
      event.target.click();
    }
  });
}

/**
 * What sets clusters of measures and of incidents apart: shape (round, square) and colour, and a
 * name that says what is counted ("3 åtgärder", "12 händelser"), not a bare number.
 */
const CLUSTER_KINDS = {
  measures: { className: 'cluster cluster-measures', label: 'cluster.measures' },
  places: { className: 'cluster cluster-places', label: 'cluster.places' },
  incidents: { className: 'cluster cluster-incidents', label: 'cluster.incidents' },
  municipalities: { className: 'cluster cluster-municipalities', label: 'cluster.municipalities' },
};

/** A cluster's icon: its count, and for screen readers what it counts ("3 åtgärder"). */
/**
 * Removes a map that a page replaces with a new one. A map still zooming goes when its zoom has ended:
 * Leaflet 1.9 ends a zoom by a timer that remove() does not clear, and on a removed map that throws
 * ("reading '_leaflet_pos'"). Its container has left the page already, so nothing shows meanwhile.
 */
export function removeMap(map) {
  if (!map) return;
  if (map._animatingZoom) {
    map.once('zoomend', () => map.remove());
  } else {
    map.remove();
  }
}

export function clusterIcon(kind, count) {
  const look = CLUSTER_KINDS[kind];
  return L.divIcon({
    className: look.className,
    iconSize: [40, 40],
    html: el('span', { class: 'cluster-count' }, String(count),
      el('span', { class: 'visually-hidden' }, ` ${tn(look.label, count)}`)),
  });
}

/**
 * Markers clustered where many stand close together. By default they cluster down to the map's
 * highest zoom, where the rest spread out on a click (the cluster group needs a finite highest zoom
 * of its own); a layer may stop clustering earlier with disableClusteringAtZoom.
 * kind: 'measures', 'places', 'incidents' or 'municipalities', which decides how the clusters look and what they are called.
 */
export function clusterGroup(map, { kind = 'measures', ...options } = {}) {
  const group = L.markerClusterGroup({
    showCoverageOnHover: false,
    chunkedLoading: true,
    disableClusteringAtZoom: map.getMaxZoom() + 1,
    iconCreateFunction: (cluster) => clusterIcon(kind, cluster.getChildCount()),
    ...options,
  });
  // A group not on the map has no clusters yet (refreshing would throw): it makes them in the new
  // language when it is added.
  whileMapLives(map, onLanguageChange(() => { if (map.hasLayer(group)) group.refreshClusters(); }));
  return group;
}

// Without access to the tile server the map works on, on its plain background, and says so: after a
// few failed tiles and none loaded the layer is removed so the browser stops asking; a server that
// does not answer at all gets the notice after a while, taken back if a tile arrives after all.
function addTiles(map, config) {
  const tiles = L.tileLayer(config.tileUrl, {
    maxZoom: config.maxZoom,
    attribution: escapeHtml(config.tileAttribution || ''),
  });
  const notice = backgroundNotice();
  let loaded = 0;
  let failed = 0;
  const patience = setTimeout(() => { if (loaded === 0) notice.addTo(map); }, TILE_PATIENCE_MS);
  tiles.on('tileload', () => {
    loaded += 1;
    clearTimeout(patience);
    notice.remove();
  });
  tiles.on('tileerror', () => {
    failed += 1;
    if (loaded === 0 && failed >= TILE_FAILURES_BEFORE_GIVING_UP && map.hasLayer(tiles)) {
      clearTimeout(patience);
      map.removeLayer(tiles);
      notice.addTo(map);
    }
  });
  map.on('unload', () => clearTimeout(patience));
  tiles.addTo(map);
}

/** One quiet line on the map; data-i18n keeps it in the page's language. */
function backgroundNotice() {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => el('p', { class: 'map-notice', role: 'status', dataset: { i18n: 'map.noBackground' } },
    t('map.noBackground'));
  return control;
}

// Leaflet's attribution control takes HTML; the configured text must stay text.
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The municipality's name from its settings, in every page's header (as text). */
export function showMunicipality(config) {
  document.querySelectorAll('.brand-place').forEach((node) => { node.textContent = config.name; });
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
