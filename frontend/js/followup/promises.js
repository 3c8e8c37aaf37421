// Each promise with its commitments: progress, what counts, linked measures and activities. With a
// district chosen every figure is the district's, or says plainly that it is the whole
// municipality's: a commitment's measures are counted in the district; a countable target (two
// walks in the town) and a promise's progress are the municipality's and are labelled so.
import { el } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { draftMark } from '../ui/items.js';
import { progressBar } from './progress.js';
import { label, plural } from '../vocabulary.js';
import { local } from '../municipality.js';

function detailOf(commitment) {
  if (commitment.target) {
    return t('followup.countTarget', {
      done: commitment.activitiesDone, target: commitment.target.count, what: plural('activityKinds', commitment.target.activity),
    });
  }
  return commitment.measuresCounted
    ? t('followup.measureShare', { done: commitment.measuresDone, counted: commitment.measuresCounted })
    : t('followup.noMeasures');
}

/** The municipality's figure, named as such when a district is chosen. */
function wholeScope(district) {
  return district ? t('followup.wholeMunicipality') : null;
}

/**
 * A measure commitment's progress in the district, counted as the server counts the
 * municipality's: drafts and rejected measures left out.
 */
function districtProgress(commitment, linkedMeasures, district) {
  const counted = linkedMeasures.filter((m) => m.properties.published !== false && m.properties.status !== 'rejected');
  const done = counted.filter((m) => m.properties.status === 'done').length;
  const whole = el('p', { class: 'meta whole-share' }, `${t('followup.wholeMunicipality')}: `,
    t('followup.progress', { percent: Math.round((commitment.progress || 0) * 100) }), ` (${detailOf(commitment)})`);
  if (counted.length === 0) {
    return [el('p', { class: 'district-share' }, t('followup.noMeasuresIn', { district: district.name })), whole];
  }
  return [progressBar(done / counted.length, commitment.text,
    t('followup.districtShare', { district: district.name, done, counted: counted.length }),
    { scope: district.name, className: 'district-share' }), whole];
}

/** A countable target's activities held in the district, of the kind the target counts. */
function districtActivities(commitment, linkedActivities, today) {
  const { activity, operationKind } = commitment.target;
  return linkedActivities.filter((a) => a.properties.kind === activity
    && (!operationKind || a.properties.operationKind === operationKind) && a.properties.startsOn <= today).length;
}

/**
 * A commitment's linked activities in three groups, so that the ones counted as held during the
 * period are exactly the ones "I korthet" and the timeline count; those held outside the period (a
 * walk the promise grew out of) and those yet to come are listed apart.
 */
function activityGroups(linkedActivities, period) {
  const groups = { held: [], outside: [], coming: [] };
  linkedActivities.forEach((a) => groups[period.when(a.properties.startsOn)].push(a));
  return ['held', 'outside', 'coming'].filter((group) => groups[group].length).map((group) => el('details',
    { dataset: { activities: group } },
    el('summary', {}, `${t(`followup.activities.${group}`)} (${groups[group].length})`),
    el('ul', { class: 'linked' }, groups[group].map((a) => el('li', {},
      `${formatDate(a.properties.startsOn)}: `, activityLink(a))))));
}

export function renderPromise(promise, ctx) {
  const { measures, activities, district, extras, period } = ctx;
  const inDistrict = (feature) => !district || feature.properties.neighbourhoods.some((n) => n.slug === district.slug);
  return el('article', { class: 'promise', id: `promise-${promise.id}`, tabindex: '-1', dataset: { promise: promise.id } },
    el('h3', {}, promise.title),
    el('p', { class: 'meta' }, t('followup.madeBy', { party: label('parties', promise.party) }),
      promise.focusNeighbourhoods.length
        ? ` · ${t('followup.focus', { districts: promise.focusNeighbourhoods.map((n) => n.name).join(', ') })}` : ''),
    promise.body ? el('p', {}, promise.body) : null,
    progressBar(promise.progress, `${t('followup.promise')}: ${promise.title}`, null, { scope: wholeScope(district) }),
    ...extras.promise(promise),
    el('h4', {}, t('followup.commitments')),
    el('ol', { class: 'commitments' }, promise.commitments.map((commitment) => {
      const linkedMeasures = commitment.measureIds.map((id) => measures.get(id)).filter(Boolean).filter(inDistrict);
      const linkedActivities = commitment.activityIds.map((id) => activities.get(id)).filter(Boolean).filter(inDistrict);
      let figures;
      if (district && !commitment.target) {
        figures = districtProgress(commitment, linkedMeasures, district);
      } else {
        figures = [progressBar(commitment.progress, commitment.text, detailOf(commitment), { scope: wholeScope(district) })];
        if (district) {
          figures.push(el('p', { class: 'meta district-share' }, t('followup.targetIn', {
            district: district.name, count: districtActivities(commitment, linkedActivities, period.today),
            what: plural('activityKinds', commitment.target.activity),
          })));
        }
      }
      return el('li', { class: 'commitment', id: `commitment-${commitment.id}`, tabindex: '-1',
        dataset: { commitment: commitment.id } },
      el('p', { class: 'commitment-text' },
        el('span', { class: 'commitment-party' }, label('parties', commitment.party)), commitment.text),
      figures,
      linkedMeasures.length ? el('details', { dataset: { measures: '' } },
        el('summary', {}, `${district ? t('followup.linkedMeasuresIn', { district: district.name })
          : t('followup.linkedMeasures')} (${linkedMeasures.length})`),
        el('ul', { class: 'linked' }, linkedMeasures.map((m) => el('li', {},
          el('a', { href: local(`/?atgard=${m.id}`) }, m.properties.title),
          ` – ${label('measureStatuses', m.properties.status)} `, draftMark(m.properties))))) : null,
      activityGroups(linkedActivities, period),
      ...extras.commitment(commitment));
    })));
}

export function activityLink(activity) {
  const p = activity.properties;
  return p.kind === 'safety_walk' && p.published
    ? el('a', { href: local(`/vandring?id=${activity.id}`) }, p.title)
    : el('a', { href: local(`/?aktivitet=${activity.id}`) }, p.title);
}
