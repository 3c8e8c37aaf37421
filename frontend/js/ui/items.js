// One line of a list: a measure or a place, as a button that opens it.
import { el } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { iconUrl } from '../vocabulary.js';

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
    el('img', { class: 'item-icon', src: iconUrl(p.type), alt: t(`type.${p.type}`), width: 28, height: 28 }),
    el('div', { class: 'item-body' },
      el('button', { type: 'button', class: 'link', onclick: () => onSelect(feature.id), dataset: { measure: feature.id } },
        p.title),
      draftMark(p),
      el('span', { class: 'meta' }, `${t(`status.${p.status}`)} · ${t(`owner.${p.owner}`)} · ${when(p)}`)));
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
        `${t(`placeStatus.${p.status}`)} · ${p.reasons.map((r) => t(`reason.${r}`)).join(', ')}`)));
}

export function activityItem(feature, onSelect) {
  const p = feature.properties;
  return el('li', { class: 'item' },
    el('span', { class: 'swatch swatch-activity', 'aria-hidden': 'true' }),
    el('div', { class: 'item-body' },
      el('button', { type: 'button', class: 'link', onclick: () => onSelect(feature.id), dataset: { activity: feature.id } },
        p.title),
      el('span', { class: 'meta' }, `${t(`activity.${p.kind}`)} · ${formatDate(p.startsOn)}`)));
}
