// Controls of the public incident layer, with its legend and what the aggregation means.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { CLASSES } from '../layers/incidentGrid.js';
import { options } from '../vocabulary.js';

export function renderIncidentControls(state, years, onChange) {
  const change = (key) => (event) => {
    state[key] = event.target.type === 'checkbox' ? event.target.checked : event.target.value;
    onChange(event.target.id);
  };
  return el('details', { class: 'incidents', open: state.open, ontoggle: (event) => { state.open = event.target.open; } },
    el('summary', {}, t('incidents.heading')),
    el('div', { class: 'check' },
      el('input', { type: 'checkbox', id: 'incidents-on', checked: state.on, onchange: change('on') }),
      el('label', { for: 'incidents-on' }, t('incidents.show'))),
    el('label', { for: 'incidents-year' }, t('incidents.year')),
    el('select', { id: 'incidents-year', onchange: change('year') },
      years.map((year) => el('option', { value: year, selected: String(year) === String(state.year) }, String(year)))),
    el('label', { for: 'incidents-category' }, t('incidents.category')),
    el('select', { id: 'incidents-category', onchange: change('category') },
      el('option', { value: '' }, t('incidents.allCategories')),
      options('incidentCategories').map((c) => el('option', { value: c.value, selected: c.value === state.category }, c.label))),
    el('p', { class: 'meta' }, t('incidents.note')),
    el('p', { class: 'legend-title' }, t('incidents.legend')),
    el('ul', { class: 'legend-list' }, CLASSES.map((c, i) => el('li', {},
      el('span', { class: `swatch swatch-grid-${i}`, 'aria-hidden': 'true' }),
      CLASSES[i + 1] ? `${c.from}–${CLASSES[i + 1].from - 1}` : `${c.from}+`))));
}
