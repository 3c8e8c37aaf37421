// An item's change history: who changed what, and when.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { failureText } from '../ui/unavailable.js';

function show(value) {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function historySection(kind, id) {
  const list = el('ol', { class: 'history' }, el('li', {}, t('app.loading')));
  api.history(kind, id).then((entries) => {
    replace(list, entries.slice().reverse().map((entry) => el('li', {},
      el('span', { class: 'history-head' }, t('planner.historyEntry', {
        when: formatDateTime(entry.changedAt),
        who: entry.changedBy,
        action: t(`planner.action.${entry.action}`),
      })),
      entry.action === 'updated' ? el('ul', {}, Object.entries(entry.changes).map(([name, change]) => el('li', {},
        name === 'geometry'
          ? t('planner.geometryChanged')
          : t('planner.change', { field: t(`field.${name}`), from: show(change.from), to: show(change.to) })))) : null)));
    if (entries.length === 0) replace(list, el('li', {}, t('planner.historyEmpty')));
  }).catch((error) => replace(list, el('li', { class: 'error' }, failureText(error))));
  return el('section', { class: 'history-section' }, el('h3', {}, t('planner.history')), list);
}
