// Measures as icons of their type, clustered where many stand close together.
import { anchorOf, clusterGroup } from '../map.js';
import { t } from '../i18n.js';
import { iconUrl } from '../vocabulary.js';

const L = window.L;

export function measureLayer(map, onSelect) {
  const layer = clusterGroup(map, { maxClusterRadius: 40 });
  return {
    layer,
    show(features) {
      layer.clearLayers();
      layer.addLayers(features.filter((f) => f.geometry).map((feature) => {
        const { type, title, status } = feature.properties;
        const label = `${t(`type.${type}`)}: ${title} (${t(`status.${status}`)})`;
        const marker = L.marker(anchorOf(feature.geometry), {
          icon: L.icon({ iconUrl: iconUrl(type), iconSize: [32, 32], iconAnchor: [16, 16] }),
          alt: label,
          title: label,
          keyboard: true,
        });
        marker.on('click', () => onSelect(feature.id));
        return marker;
      }));
    },
  };
}
