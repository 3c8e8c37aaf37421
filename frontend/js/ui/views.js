// The side panel (a bottom sheet on phones): all districts, one district, one place, one measure.
// Everything on the map can be reached from here with a keyboard or a screen reader.
import { subscribeForm } from './subscribe.js';
import { el, replace } from '../dom.js';
import { formatDate, t, tn } from '../i18n.js';
import { codes, label, plural } from '../vocabulary.js';
import { measureMark } from '../layers/measures.js';
import { measureQuery, renderFilters } from './filters.js';
import { pagedList } from './pagedList.js';
import { allPages } from '../features.js';
import { renderLegend } from './legend.js';
import { activityItem, measureItem, placeItem, when } from './items.js';
import { renderIncidentControls } from './incidents.js';
import { evaluationSection } from './evaluation.js';
import { commitmentsSection, lastUpdated, statusTimeline } from './measureStory.js';
import { viewLink } from './links.js';
import { local, scoped } from '../municipality.js';
import { facts } from './facts.js';


function heading(text) {
  return el('h2', { id: 'panel-title', tabindex: '-1' }, text);
}

function back(text, onClick) {
  return el('button', { type: 'button', class: 'back', onclick: onClick }, `← ${text}`);
}

// A district lists what residents look for first (under way, coming, finished), then the rest in the
// vocabulary's order.
const NEWS_FIRST = ['in_progress', 'planned', 'done'];

function groupOrder() {
  const all = codes('measureStatuses');
  return [...NEWS_FIRST.filter((status) => all.includes(status)), ...all.filter((status) => !NEWS_FIRST.includes(status))];
}

function capitalised(text) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function homeView(ctx) {
  const { data, filters, go } = ctx;
  return [
    heading(t('home.heading')),
    el('p', { class: 'home-intro' }, t('home.intro'), ' ',
      el('a', { href: local('/uppfoljning'), class: 'follow-up-link' }, t('home.followUp'))),
    el('p', {}, t('home.choose')),
    ...ctx.extras.home(ctx),
    el('ul', { class: 'districts' }, data.neighbourhoods.features.map((district) => {
      const p = district.properties;
      return el('li', {},
        viewLink(ctx.href({ district: p.slug }), () => go({ district: p.slug }),
          { class: 'district', dataset: { district: p.slug } },
          el('span', { class: 'district-name' }, p.name),
          el('span', { class: 'meta' }, t('home.counts', {
            places: p.placeCount,
            active: p.measuresByStatus.in_progress,
            planned: p.measuresByStatus.planned,
            done: p.measuresByStatus.done,
          }))));
    })),
    renderFilters(filters, ctx.refilter),
    renderIncidentControls(ctx.incidents, data.incidentYears, ctx.updateIncidents),
    renderLegend(),
  ];
}

// Each status a group of its own, paged, with the server's count; finished measures newest first,
// the news a resident looks for.
async function districtMeasures(ctx, slug) {
  const { filters, go } = ctx;
  const query = measureQuery(filters);
  const statuses = query ? groupOrder().filter((status) => filters.statuses.has(status)) : [];
  const groups = statuses.map((status) => ({
    status,
    list: pagedList({
      name: `measures-${status}`,
      load: (offset, limit) => ctx.store.page('measures', {
        neighbourhood: slug, type: query.type, status, sortby: status === 'done' ? '-completedOn' : null, offset, limit,
      }),
      item: (m) => measureItem(m, (id) => go({ measure: id })),
    }),
  }));
  const counts = await Promise.all(groups.map((group) => group.list.first));
  const shown = groups.map(({ status, list }, i) => (counts[i] === 0 ? null : el('section',
    { class: 'status-group', dataset: { status } },
    el('h4', {}, `${capitalised(plural('measureStatuses', status))} (${counts[i]})`),
    list.node))).filter(Boolean);
  return shown.length ? shown : el('p', {}, t('district.noMeasures'));
}

async function districtPlaces(ctx, slug) {
  const list = pagedList({
    name: 'places',
    load: (offset, limit) => ctx.store.page('places', { neighbourhood: slug, offset, limit }),
    item: (p) => placeItem(p, (id) => ctx.go({ place: id })),
  });
  return el('div', { class: 'district-places' }, (await list.first) ? list.node : el('p', {}, t('district.noPlaces')));
}

// A district's walks, dialogues and operations over the years: few, all of them, newest first.
async function districtActivities(ctx, slug) {
  const { features } = await allPages('activities', { neighbourhood: slug });
  ctx.store.keep('activities', features);
  return el('ul', { class: 'items' }, features.sort((a, b) => b.properties.startsOn.localeCompare(a.properties.startsOn))
    .map((a) => activityItem(a, (id) => ctx.go({ activity: id }))));
}

/** A district with its measures by status, its places and its activities, once their first pages are in. */
export async function districtView(ctx, slug) {
  const { data, filters, go } = ctx;
  const district = data.neighbourhoods.features.find((f) => f.properties.slug === slug);
  if (!district) return notFoundView(ctx);
  const [measures, places, activities] = await Promise.all([
    districtMeasures(ctx, slug), districtPlaces(ctx, slug), districtActivities(ctx, slug)]);
  // A change of filter lists the measures anew, and only them; the latest change wins.
  const measuresHolder = el('div', { class: 'district-measures' }, measures);
  let listed = 0;
  measuresHolder.refilter = async () => {
    const asked = ++listed;
    // Busy until the latest filter's list is in (assistive technology, and tests, can tell).
    measuresHolder.setAttribute('aria-busy', 'true');
    try {
      const fresh = await districtMeasures(ctx, slug);
      if (asked === listed) replace(measuresHolder, fresh);
    } finally {
      if (asked === listed) measuresHolder.removeAttribute('aria-busy');
    }
  };
  return [
    back(t('district.back'), () => go({})),
    heading(district.properties.name),
    el('p', { class: 'meta' }, district.properties.description),
    ...ctx.extras.district(ctx, slug),
    el('h3', {}, t('district.measures')),
    measuresHolder,
    el('h3', {}, t('district.places')),
    places,
    el('h3', {}, t('district.activities')),
    activities,
    el('p', {}, el('a', { href: local(`/uppfoljning?omrade=${encodeURIComponent(slug)}`), class: 'follow-up-link' },
      t('district.promises'))),
    // The district's news for a feed reader (Atom): what is planned, started and done here.
    el('p', {}, el('a', { href: scoped(`/api/neighbourhoods/${encodeURIComponent(slug)}/feed.atom`),
      type: 'application/atom+xml', class: 'feed-link' }, t('district.feed'))),
    subscribeForm(slug),
    renderFilters(filters, ctx.refilter),
    renderIncidentControls(ctx.incidents, data.incidentYears, ctx.updateIncidents),
    renderLegend(),
  ];
}

// Staff see drafts; this says plainly that residents do not.
function draftNotice(props) {
  return props.published === false ? el('p', { class: 'draft-notice' }, t('draft.notice')) : null;
}

function backToDistrict(ctx, feature) {
  const district = feature.properties.neighbourhoods[0];
  return district
    ? back(district.name, () => ctx.go({ district: district.slug }))
    : back(t('district.back'), () => ctx.go({}));
}

/** A place, with its measures (fetched by the caller). */
export function placeView(ctx, place, measures) {
  const { go } = ctx;
  const p = place.properties;
  return [
    backToDistrict(ctx, place),
    heading(p.name),
    draftNotice(p),
    p.description ? el('p', {}, p.description) : null,
    facts([
      [t('detail.why'), p.reasons.map((r) => label('placeReasons', r)).join(', ')],
      [t('detail.status'), label('placeStatuses', p.status)],
      [t('detail.source'), label('placeSources', p.source)],
      [t('detail.residentReports'), p.residentReports ? tn('detail.residentReports', p.residentReports) : null],
      [t('detail.district'), p.neighbourhoods.map((n) => n.name).join(', ')],
    ]),
    el('h3', {}, t('detail.measuresOfPlace')),
    measures.length
      ? el('ul', { class: 'items' }, measures.map((m) => measureItem(m, (mid) => go({ measure: mid }))))
      : el('p', {}, t('detail.noMeasures')),
    ...ctx.extras.place(ctx, place),
  ];
}

/** A measure, with its places (fetched by the caller). */
export function measureView(ctx, measure, places) {
  const { go } = ctx;
  const p = measure.properties;
  return [
    backToDistrict(ctx, measure),
    el('p', { class: 'kicker' }, measureMark(p.type, p.status), label('measureTypes', p.type)),
    heading(p.title),
    draftNotice(p),
    p.description ? el('p', {}, p.description) : null,
    facts([
      [t('detail.what'), label('measureTypes', p.type)],
      [t('detail.status'), label('measureStatuses', p.status)],
      [t('detail.who'), label('measureOwners', p.owner)],
      [t('detail.when'), when(p)],
      [t('detail.rejectionReason'), p.rejectionReason],
      [t('detail.district'), p.neighbourhoods.map((n) => n.name).join(', ')],
    ]),
    lastUpdated(p),
    statusTimeline(p),
    commitmentsSection(measure),
    el('h3', {}, t('detail.placesOfMeasure')),
    el('ul', { class: 'items' }, places.map((f) => placeItem(f, (pid) => go({ place: pid })))),
    p.status === 'done' ? evaluationSection(measure.id) : null,
    ...ctx.extras.measure(ctx, measure),
  ];
}

export function activityView(ctx, activity) {
  const p = activity.properties;
  const participants = Object.entries(p.participants)
    .map(([group, count]) => `${label('participantGroups', group)}: ${count}`).join(', ');
  return [
    backToDistrict(ctx, activity),
    el('p', { class: 'kicker' }, label('activityKinds', p.kind)),
    heading(p.title),
    p.description ? el('p', {}, p.description) : null,
    facts([
      [t('detail.when'), p.endsOn ? `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}` : formatDate(p.startsOn)],
      [t('activity.timeOfDay'), p.timeOfDay ? label('timesOfDay', p.timeOfDay) : null],
      [t('activity.format'), p.format],
      [t('activity.operationKind'), p.operationKind ? label('operationKinds', p.operationKind) : null],
      [t('activity.participants'), participants],
      [t('detail.district'), p.neighbourhoods.map((n) => n.name).join(', ')],
    ]),
    p.kind === 'safety_walk' && p.published
      ? el('p', {}, el('a', { href: local(`/vandring?id=${activity.id}`) }, t('activity.protocol'))) : null,
    ...ctx.extras.activity(ctx, activity),
  ];
}

/** What the panel says when a link names an item that does not exist (or is a draft, for the public). */
export function notFoundView(ctx) {
  return [back(t('district.back'), () => ctx.go({})), heading(t('detail.notFound'))];
}

