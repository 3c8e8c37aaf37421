// Safety walk routes and police operation areas, drawn lightly beneath places and measures.
import { el } from '../dom.js';
import { showKept, versionKey } from './kept.js';

const L = window.L;

export function activityLayer(onSelect) {
  const options = {
    style: () => ({ color: '#5b2a86', weight: 3, dashArray: '2 6', fillOpacity: 0.05 }),
    onEachFeature: (feature, path) => {
      path.bindTooltip(el('span', {}, feature.properties.title), { sticky: true });
      path.on('click', () => onSelect(feature.id));
    },
  };
  const layer = L.featureGroup();
  const shown = new Map();
  return {
    layer,
    show(features) {
      showKept(shown, features.filter((feature) => feature.geometry), versionKey, (feature) => L.geoJSON(feature, options), {
        add: (activities) => activities.forEach((activity) => layer.addLayer(activity)),
        remove: (activities) => activities.forEach((activity) => layer.removeLayer(activity)),
      });
      layer.bringToBack();
    },
  };
}
