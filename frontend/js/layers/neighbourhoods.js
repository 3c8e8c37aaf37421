// Districts as outlined areas; choosing one on the map selects it.
import { el } from '../dom.js';

const L = window.L;

export function neighbourhoodLayer(collection, onSelect) {
  const layer = L.geoJSON(collection, {
    style: () => ({ color: '#00558c', weight: 2, fillColor: '#00558c', fillOpacity: 0.06 }),
    onEachFeature: (feature, path) => {
      path.bindTooltip(el('span', {}, feature.properties.name), { sticky: true });
      path.on('click', () => onSelect(feature.properties.slug));
    },
  });
  return {
    layer,
    highlight(slug) {
      layer.eachLayer((path) => {
        const selected = path.feature.properties.slug === slug;
        path.setStyle({ weight: selected ? 4 : 2, fillOpacity: selected ? 0.02 : 0.06 });
      });
    },
  };
}
