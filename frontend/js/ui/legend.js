// What the symbols on the map mean.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { MEASURE_TYPES, PLACE_STATUSES, iconUrl } from '../vocabulary.js';

export function renderLegend() {
  return el('details', { class: 'legend' },
    el('summary', {}, t('legend.heading')),
    el('ul', { class: 'legend-list' },
      el('li', {}, el('span', { class: 'swatch swatch-district', 'aria-hidden': 'true' }), t('legend.district')),
      PLACE_STATUSES.map((status) => el('li', {},
        el('span', { class: `swatch swatch-${status}`, 'aria-hidden': 'true' }),
        `${t('legend.places')}: ${t(`placeStatus.${status}`)}`)),
      MEASURE_TYPES.map((type) => el('li', {},
        el('img', { src: iconUrl(type), alt: '', width: 20, height: 20 }), t(`type.${type}`)))));
}
