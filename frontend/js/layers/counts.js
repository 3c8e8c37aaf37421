// What the server counted in each cell of the map's grid (far out, where single items would crowd
// the map): a cluster of the kind's own look at the cell's items, which zooms in to them when chosen
// (a click, Enter or Space), as the map's own clusters do.
import { clusterIcon } from '../map.js';
import { onLanguageChange } from '../i18n.js';
import { showKept } from './kept.js';

const L = window.L;

/** The zoom a chosen cluster opens at, at most: where the map shows single items. */
const ZOOM_IN_TO_AT_MOST = 17;

export function countLayer(map, kind) {
  const layer = L.layerGroup();
  const shown = new Map();
  let cells = [];
  const draw = () => showKept(shown, cells, (cell) => `${cell.geometry.coordinates}:${cell.properties.count}:${
    document.documentElement.lang}`, (cell) => {
    const [lon, lat] = cell.geometry.coordinates;
    const [west, south, east, north] = cell.properties.bbox;
    const marker = L.marker([lat, lon], { icon: clusterIcon(kind, cell.properties.count), keyboard: true });
    marker.on('click', () => {
      const bounds = L.latLngBounds([south, west], [north, east]);
      const zoom = Math.min(Math.max(map.getBoundsZoom(bounds.pad(0.2)), map.getZoom() + 2), ZOOM_IN_TO_AT_MOST,
        map.getMaxZoom());
      map.setView(bounds.getCenter(), zoom);
    });
    return marker;
  }, {
    add: (markers) => markers.forEach((marker) => layer.addLayer(marker)),
    remove: (markers) => markers.forEach((marker) => layer.removeLayer(marker)),
  });
  map.on('unload', onLanguageChange(draw));
  return {
    layer,
    /** Shows these counts (a FeatureCollection of cells), or none (null). */
    show(collection) {
      cells = collection?.features || [];
      draw();
    },
  };
}
