// Each promise with its commitments: progress, what counts, linked measures and activities.
import { el } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { draftMark } from '../ui/items.js';
import { progressBar } from './progress.js';

function detailOf(commitment) {
  if (commitment.target) {
    return t('followup.countTarget', {
      done: commitment.activitiesDone, target: commitment.target.count, what: t(`target.${commitment.target.activity}`),
    });
  }
  return commitment.measuresCounted
    ? t('followup.measureShare', { done: commitment.measuresDone, counted: commitment.measuresCounted })
    : t('followup.noMeasures');
}

export function renderPromise(promise, ctx) {
  const { measures, activities, district, extras } = ctx;
  const inDistrict = (feature) => !district || feature.properties.neighbourhoods.some((n) => n.slug === district.slug);
  return el('article', { class: 'promise', dataset: { promise: promise.id } },
    el('h3', {}, promise.title),
    el('p', { class: 'meta' }, t('followup.madeBy', { party: t(`party.${promise.party}`) }),
      promise.focusNeighbourhoods.length
        ? ` · ${t('followup.focus', { districts: promise.focusNeighbourhoods.map((n) => n.name).join(', ') })}` : ''),
    promise.body ? el('p', {}, promise.body) : null,
    progressBar(promise.progress, `${t('followup.promise')}: ${promise.title}`),
    ...extras.promise(promise),
    el('h4', {}, t('followup.commitments')),
    el('ol', { class: 'commitments' }, promise.commitments.map((commitment) => {
      const linkedMeasures = commitment.measureIds.map((id) => measures.get(id)).filter(Boolean).filter(inDistrict);
      // Drafts count in no one's progress (staff see them listed, marked).
      const countedMeasures = linkedMeasures.filter((m) => m.properties.published !== false);
      const linkedActivities = commitment.activityIds.map((id) => activities.get(id)).filter(Boolean).filter(inDistrict);
      return el('li', { class: 'commitment', dataset: { commitment: commitment.id } },
        el('p', { class: 'commitment-text' },
          el('span', { class: 'commitment-party' }, t(`party.${commitment.party}`)), commitment.text),
        progressBar(commitment.progress, commitment.text, detailOf(commitment)),
        district && !commitment.target && countedMeasures.length ? el('p', { class: 'meta district-share' },
          t('followup.districtShare', {
            district: district.name,
            done: countedMeasures.filter((m) => m.properties.status === 'done').length,
            counted: countedMeasures.filter((m) => m.properties.status !== 'rejected').length,
          })) : null,
        linkedMeasures.length ? el('details', {},
          el('summary', {}, `${district ? t('followup.linkedMeasuresIn', { district: district.name })
            : t('followup.linkedMeasures')} (${linkedMeasures.length})`),
          el('ul', { class: 'linked' }, linkedMeasures.map((m) => el('li', {},
            el('a', { href: `/?atgard=${m.id}` }, m.properties.title),
            ` – ${t(`status.${m.properties.status}`)} `, draftMark(m.properties))))) : null,
        linkedActivities.length ? el('details', {},
          el('summary', {}, `${t('followup.linkedActivities')} (${linkedActivities.length})`),
          el('ul', { class: 'linked' }, linkedActivities.map((a) => el('li', {},
            `${formatDate(a.properties.startsOn)}: `, activityLink(a))))) : null,
        ...extras.commitment(commitment));
    })));
}

export function activityLink(activity) {
  const p = activity.properties;
  return p.kind === 'safety_walk' && p.published
    ? el('a', { href: `/vandring?id=${activity.id}` }, p.title)
    : el('a', { href: `/?aktivitet=${activity.id}` }, p.title);
}
