// What the symbols on the map mean: districts, places by status, measures by type and by status
// (drawn with the same marks as on the map), and the clusters of measures and of places.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { measureMark } from '../layers/measures.js';
import { codes, label, typeIcon } from '../vocabulary.js';

// How the map draws each status (the marks are CSS); a status without a description here shows without one.
function markDescription(status) {
  const key = `legend.mark.${status}`;
  return t(key) === key ? null : el('span', { class: 'meta' }, t(key));
}

export function renderLegend() {
  return el('details', { class: 'legend' },
    el('summary', {}, t('legend.heading')),
    el('h3', { class: 'legend-title' }, t('legend.areas')),
    el('ul', { class: 'legend-list' },
      el('li', {}, el('span', { class: 'swatch swatch-district', 'aria-hidden': 'true' }), t('legend.district')),
      codes('placeStatuses').map((status) => el('li', {},
        el('span', { class: `swatch swatch-${status}`, 'aria-hidden': 'true' }),
        `${t('legend.places')}: ${label('placeStatuses', status)}`))),
    el('h3', { class: 'legend-title' }, t('legend.measureStatus')),
    // In the order of a measure's life, as the server lists the statuses.
    el('ul', { class: 'legend-list legend-statuses' }, codes('measureStatuses').map((status) => el('li',
      { dataset: { legendStatus: status } },
      measureMark('other', status), el('span', {}, label('measureStatuses', status), markDescription(status))))),
    el('h3', { class: 'legend-title' }, t('legend.measureType')),
    el('ul', { class: 'legend-list' }, codes('measureTypes').map((type) => el('li', {},
      typeIcon(type, { width: 20, height: 20 }), label('measureTypes', type)))),
    el('ul', { class: 'legend-list' }, clusterLegend('measures', 3), clusterLegend('places', 5)));
}

/** A cluster as the map draws it, with what it stands for ("measures", "incidents"). */
export function clusterLegend(kind, count) {
  return el('li', {}, el('span', { class: `cluster cluster-${kind} legend-cluster`, 'aria-hidden': 'true' },
    el('span', { class: 'cluster-count' }, String(count))), t(`legend.cluster.${kind}`));
}
