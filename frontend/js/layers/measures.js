// Measures as icons of their type inside a mark of their status, clustered where many stand close
// together until zoom 17, from where every measure shows on its own.
import { el } from '../dom.js';
import { anchorOf, clusterGroup } from '../map.js';
import { t } from '../i18n.js';
import { label, typeIcon } from '../vocabulary.js';
import { showKept, versionKey } from './kept.js';

const L = window.L;

/** From this zoom on each measure shows as its own icon: a street's measures can be told apart. */
export const UNCLUSTERED_FROM_ZOOM = 17;

const SIZE = 40;

/** Measures that share a spot (two measures at one tunnel) stand side by side, up to this many a row. */
const PER_ROW = 3;

/**
 * A measure's mark: its type's icon inside a ring whose shape says its status, not its colour
 * alone (WCAG 1.4.1): dashed (proposed), solid (planned), half (in progress), solid with a check
 * (done), crossed out (rejected). The legend draws the same marks.
 */
export function measureMark(type, status, label) {
  return el('span', { class: `measure-mark status-${status}`, dataset: { status } },
    el('span', { class: 'status-ring', 'aria-hidden': 'true' }),
    typeIcon(type, { class: 'measure-type', width: 32, height: 32 }),
    el('span', { class: 'status-badge', 'aria-hidden': 'true' }),
    label ? el('span', { class: 'visually-hidden' }, label) : null);
}

/** Type, title and status, as a marker's name says them. */
export function measureLabel({ type, title, status, published }) {
  const draft = published === false ? `, ${t('draft.mark')}` : '';
  return `${label('measureTypes', type)}: ${title} (${label('measureStatuses', status)}${draft})`;
}

// Pixel offsets (in a grid around the spot) for measures whose anchors coincide; none for the rest.
function offsets(features) {
  const bySpot = new Map();
  features.forEach((feature) => {
    const at = anchorOf(feature.geometry);
    const key = `${at.lat.toFixed(6)},${at.lng.toFixed(6)}`;
    if (!bySpot.has(key)) bySpot.set(key, []);
    bySpot.get(key).push(feature);
  });
  const shift = new Map();
  bySpot.forEach((group) => {
    const columns = Math.min(group.length, PER_ROW);
    const rows = Math.ceil(group.length / PER_ROW);
    group.forEach((feature, i) => {
      const x = ((i % PER_ROW) - (columns - 1) / 2) * (SIZE - 2);
      const y = (Math.floor(i / PER_ROW) - (rows - 1) / 2) * (SIZE - 2);
      shift.set(feature, [x, y]);
    });
  });
  return shift;
}

export function measureLayer(map, onSelect) {
  const layer = clusterGroup(map, { kind: 'measures', maxClusterRadius: 40, disableClusteringAtZoom: UNCLUSTERED_FROM_ZOOM });
  const shown = new Map();
  return {
    layer,
    show(features) {
      const placed = features.filter((f) => f.geometry);
      const shift = offsets(placed);
      // Where it stands beside others belongs to its key: a neighbour coming or going moves it.
      const keyOf = (feature) => `${versionKey(feature)}:${shift.get(feature)}`;
      showKept(shown, placed, keyOf, (feature) => {
        const label = measureLabel(feature.properties);
        const [x, y] = shift.get(feature);
        const marker = L.marker(anchorOf(feature.geometry), {
          icon: L.divIcon({
            // A draft's icon has a dashed frame (only staff get drafts).
            className: feature.properties.published === false ? 'measure-marker draft-icon' : 'measure-marker',
            html: measureMark(feature.properties.type, feature.properties.status, label),
            iconSize: [SIZE, SIZE],
            iconAnchor: [SIZE / 2 - x, SIZE / 2 - y],
          }),
          title: label,
          keyboard: true,
        });
        marker.on('click', () => onSelect(feature.id));
        return marker;
      }, { add: (markers) => layer.addLayers(markers), remove: (markers) => layer.removeLayers(markers) });
    },
  };
}
