// What the symbols on the map mean: districts, places by status, measures by type and by status
// (drawn with the same marks as on the map), and the clusters of measures and of places.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { measureMark } from '../layers/measures.js';
import { MEASURE_STATUSES, MEASURE_TYPES, PLACE_STATUSES, iconUrl } from '../vocabulary.js';

// The order of a measure's life, which is how the legend explains the marks.
const LIFE = ['proposed', 'planned', 'in_progress', 'done', 'rejected'].filter((s) => MEASURE_STATUSES.includes(s));

export function renderLegend() {
  return el('details', { class: 'legend' },
    el('summary', {}, t('legend.heading')),
    el('h3', { class: 'legend-title' }, t('legend.areas')),
    el('ul', { class: 'legend-list' },
      el('li', {}, el('span', { class: 'swatch swatch-district', 'aria-hidden': 'true' }), t('legend.district')),
      PLACE_STATUSES.map((status) => el('li', {},
        el('span', { class: `swatch swatch-${status}`, 'aria-hidden': 'true' }),
        `${t('legend.places')}: ${t(`placeStatus.${status}`)}`))),
    el('h3', { class: 'legend-title' }, t('legend.measureStatus')),
    el('ul', { class: 'legend-list legend-statuses' }, LIFE.map((status) => el('li', { dataset: { legendStatus: status } },
      measureMark('other', status), el('span', {}, t(`status.${status}`), el('span', { class: 'meta' }, t(`legend.mark.${status}`)))))),
    el('h3', { class: 'legend-title' }, t('legend.measureType')),
    el('ul', { class: 'legend-list' }, MEASURE_TYPES.map((type) => el('li', {},
      el('img', { src: iconUrl(type), alt: '', width: 20, height: 20 }), t(`type.${type}`)))),
    el('ul', { class: 'legend-list' }, clusterLegend('measures', 3), clusterLegend('places', 5)));
}

/** A cluster as the map draws it, with what it stands for ("measures", "incidents"). */
export function clusterLegend(kind, count) {
  return el('li', {}, el('span', { class: `cluster cluster-${kind} legend-cluster`, 'aria-hidden': 'true' },
    el('span', { class: 'cluster-count' }, String(count))), t(`legend.cluster.${kind}`));
}
