// Safety walk routes and police operation areas, drawn lightly beneath places and measures.
import { el } from '../dom.js';

const L = window.L;

export function activityLayer(onSelect) {
  const layer = L.geoJSON(null, {
    style: () => ({ color: '#5b2a86', weight: 3, dashArray: '2 6', fillOpacity: 0.05 }),
    filter: (feature) => Boolean(feature.geometry),
    onEachFeature: (feature, path) => {
      path.bindTooltip(el('span', {}, feature.properties.title), { sticky: true });
      path.on('click', () => onSelect(feature.id));
    },
  });
  return {
    layer,
    show(features) {
      layer.clearLayers();
      layer.addData({ type: 'FeatureCollection', features });
      layer.bringToBack();
    },
  };
}
