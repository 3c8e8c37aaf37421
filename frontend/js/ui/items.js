// One line of a list: a measure or a place, as a button that opens it.
import { el } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { label, typeIcon } from '../vocabulary.js';

export function when(props) {
  if (props.status === 'done' && props.completedOn) return t('detail.completed', { date: formatDate(props.completedOn) });
  const start = formatDate(props.plannedStart);
  const end = formatDate(props.plannedEnd);
  if (start && end) return t('detail.planned', { start, end });
  if (start) return t('detail.plannedFrom', { start });
  if (end) return t('detail.plannedUntil', { end });
  return t('detail.notScheduled');
}

/** "Draft" beside what only staff see (the public never gets drafts); null for what is published. */
export function draftMark(props) {
  return props.published === false ? el('span', { class: 'draft-mark' }, t('draft.mark')) : null;
}

export function measureItem(feature, onSelect) {
  const p = feature.properties;
  return el('li', { class: 'item' },
    typeIcon(p.type, { class: 'item-icon', alt: label('measureTypes', p.type), width: 28, height: 28 }),
    el('div', { class: 'item-body' },
      el('button', { type: 'button', class: 'link', onclick: () => onSelect(feature.id), dataset: { measure: feature.id } },
        p.title),
      draftMark(p),
      el('span', { class: 'meta' },
        `${label('measureStatuses', p.status)} · ${label('measureOwners', p.owner)} · ${when(p)}`)));
}

export function placeItem(feature, onSelect) {
  const p = feature.properties;
  return el('li', { class: 'item' },
    el('span', { class: `swatch swatch-${p.status}`, 'aria-hidden': 'true' }),
    el('div', { class: 'item-body' },
      el('button', { type: 'button', class: 'link', onclick: () => onSelect(feature.id), dataset: { place: feature.id } },
        p.name),
      draftMark(p),
      el('span', { class: 'meta' },
        `${label('placeStatuses', p.status)} · ${p.reasons.map((r) => label('placeReasons', r)).join(', ')}`)));
}

export function activityItem(feature, onSelect) {
  const p = feature.properties;
  return el('li', { class: 'item' },
    el('span', { class: 'swatch swatch-activity', 'aria-hidden': 'true' }),
    el('div', { class: 'item-body' },
      el('button', { type: 'button', class: 'link', onclick: () => onSelect(feature.id), dataset: { activity: feature.id } },
        p.title),
      el('span', { class: 'meta' }, `${label('activityKinds', p.kind)} · ${formatDate(p.startsOn)}`)));
}
