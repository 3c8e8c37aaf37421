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
        const draft = feature.properties.published === false;
        const label = `${t(`type.${type}`)}: ${title} (${t(`status.${status}`)}${draft ? `, ${t('draft.mark')}` : ''})`;
        const marker = L.marker(anchorOf(feature.geometry), {
          // A draft's icon has a dashed frame (only staff get drafts).
          icon: L.icon({ iconUrl: iconUrl(type), iconSize: [32, 32], iconAnchor: [16, 16], className: draft ? 'draft-icon' : '' }),
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
