// What residents ask of a measure: which promise it keeps, what happened and when. The timeline
// comes with the measure (each status it has had, from when, with the note planners wrote to
// residents); the commitments it fulfils are asked for when the measure is opened.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { failureText } from './unavailable.js';
import { label } from '../vocabulary.js';
import { local } from '../municipality.js';

/** Where the follow-up page shows a promise or a commitment of a period. */
export function followUpHref(period, anchor) {
  return local(`/uppfoljning?period=${encodeURIComponent(period)}#${anchor}`);
}

/** "Senast uppdaterad 3 maj 2023": the day of the measure's latest change. */
export function lastUpdated(props) {
  return props.updatedAt ? el('p', { class: 'meta last-updated' },
    t('detail.lastUpdated', { date: formatDate(props.updatedAt) })) : null;
}

/** The measure's statuses in the order they came, each with its day and the note to residents. */
export function statusTimeline(props) {
  const changes = props.statusChanges || [];
  if (changes.length === 0) return null;
  return el('section', { class: 'status-timeline-section', 'aria-labelledby': 'status-timeline-heading' },
    el('h3', { id: 'status-timeline-heading' }, t('detail.timeline')),
    el('ol', { class: 'status-timeline' }, changes.map((change) => el('li', { dataset: { status: change.status } },
      el('span', { class: 'timeline-head' },
        el('span', { class: 'timeline-status' }, label('measureStatuses', change.status)), ' ',
        el('time', { datetime: change.on }, formatDate(change.on))),
      change.note ? el('span', { class: 'timeline-note' }, change.note) : null))));
}

/** The promises and commitments the measure fulfils, each a link to its place in the follow-up. */
export function commitmentsSection(measure) {
  const heading = el('h3', {}, t('detail.fulfils'));
  if ((measure.properties.commitmentIds || []).length === 0) {
    return el('section', { class: 'fulfils' }, heading, el('p', {}, t('detail.fulfilsNothing')));
  }
  const body = el('div', { role: 'status' }, t('app.loading'));
  api.commitmentsOf(measure.id).then((commitments) => {
    replace(body, commitments.length === 0 ? el('p', {}, t('detail.fulfilsNothing'))
      : el('ul', { class: 'fulfils-list' }, commitments.map((c) => el('li', { dataset: { commitment: c.id } },
        el('a', { href: followUpHref(c.period, `promise-${c.promiseId}`), class: 'promise-link' }, c.promiseTitle),
        ': ',
        el('a', { href: followUpHref(c.period, `commitment-${c.id}`), class: 'commitment-link' }, c.text)))));
  }).catch((error) => replace(body, el('p', { class: 'error' }, failureText(error))));
  return el('section', { class: 'fulfils' }, heading, body);
}
