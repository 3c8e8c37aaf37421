// The public incident layer: counts per 250 m grid square as a choropleth, never exact places.
import { el } from '../dom.js';
import { t } from '../i18n.js';

const L = window.L;

/** Classes of the choropleth: lower bound and colour (darker is more), readable against the map. */
export const CLASSES = [
  { from: 5, colour: '#fdd49e' },
  { from: 10, colour: '#fc8d59' },
  { from: 20, colour: '#d7301f' },
  { from: 40, colour: '#7f0000' },
];

function colourOf(count) {
  return [...CLASSES].reverse().find((c) => count >= c.from).colour;
}

export function incidentGridLayer() {
  const layer = L.geoJSON(null, {
    // SVG rather than the map's canvas: a few hundred squares at most, each its own element.
    renderer: L.svg(),
    style: (feature) => ({
      color: '#444', weight: 1, fillColor: colourOf(feature.properties.count), fillOpacity: 0.6, className: 'incident-cell',
    }),
    onEachFeature: (feature, path) => {
      path.bindTooltip(el('span', {}, t('incidents.count', { count: feature.properties.count })), { sticky: true });
    },
    interactive: true,
  });
  return {
    layer,
    show(collection) {
      layer.clearLayers();
      if (collection) layer.addData(collection);
      layer.bringToBack();
    },
  };
}
