// Safety walk routes and police operation areas, drawn lightly beneath places and measures.
import { el } from '../dom.js';
import { keptGeoJsonLayer } from './kept.js';

export function activityLayer(onSelect) {
  const options = {
    style: () => ({ color: '#5b2a86', weight: 3, dashArray: '2 6', fillOpacity: 0.05 }),
    onEachFeature: (feature, path) => {
      path.bindTooltip(el('span', {}, feature.properties.title), { sticky: true });
      path.on('click', () => onSelect(feature.id));
    },
  };
  const kept = keptGeoJsonLayer(options);
  return {
    layer: kept.layer,
    show(features) {
      kept.show(features.filter((feature) => feature.geometry));
      kept.layer.bringToBack();
    },
  };
}
