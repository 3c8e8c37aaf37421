// Unsafe places drawn as they are: points, lines and areas, coloured by status. Canvas-rendered,
// so thousands stay smooth.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { PLACE_COLOURS } from '../vocabulary.js';
import { keptGeoJsonLayer } from './kept.js';

const L = window.L;

export function placeLayer(onSelect) {
  const options = {
    // A draft (only staff get drafts) is outlined dashed, so a planner sees what residents do not.
    style: (feature) => ({ color: PLACE_COLOURS[feature.properties.status], weight: 4, fillOpacity: 0.25,
      dashArray: feature.properties.published === false ? '6 6' : null }),
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 7, weight: 3, fillOpacity: 0.6 }),
    onEachFeature: (feature, path) => {
      path.bindTooltip(el('span', {}, feature.properties.name,
        feature.properties.published === false ? ` (${t('draft.mark')})` : ''), { sticky: true });
      path.on('click', () => onSelect(feature.id));
    },
  };
  return keptGeoJsonLayer(options);
}
