// Filters of the measures shown, by type and status.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { codes, label, typeIcon } from '../vocabulary.js';

export function renderFilters(filters, onChange) {
  const group = (legend, values, selected, labelOf, icon) => el('fieldset', { class: 'filter-group' },
    el('legend', {}, legend),
    values.map((value) => {
      const id = `filter-${value}`;
      return el('div', { class: 'check' },
        el('input', {
          type: 'checkbox', id, checked: selected.has(value),
          onchange: (event) => {
            if (event.target.checked) selected.add(value); else selected.delete(value);
            onChange(id);
          },
        }),
        el('label', { for: id },
          icon ? typeIcon(value, { width: 20, height: 20, class: 'check-icon' }) : null,
          labelOf(value)));
    }));
  return el('details', { class: 'filters', open: filters.open, ontoggle: (event) => { filters.open = event.target.open; } },
    el('summary', {}, t('filters.heading')),
    group(t('filters.type'), codes('measureTypes'), filters.types, (v) => label('measureTypes', v), true),
    group(t('filters.status'), codes('measureStatuses'), filters.statuses, (v) => label('measureStatuses', v), false));
}

export function newFilters() {
  return { types: new Set(codes('measureTypes')), statuses: new Set(codes('measureStatuses')), open: false };
}

/**
 * The filters as the measures' API takes them ({ type, status }, each left out when every value is
 * chosen), or null when no measure can match (a group with nothing chosen).
 */
export function measureQuery(filters) {
  if (filters.types.size === 0 || filters.statuses.size === 0) return null;
  const chosen = (all, selected) => (selected.size === all.length ? undefined : all.filter((v) => selected.has(v)));
  return { type: chosen(codes('measureTypes'), filters.types), status: chosen(codes('measureStatuses'), filters.statuses) };
}
