// A safety walk's published protocol: when, who took part, the route and every stop with what felt
// unsafe and safe, the proposed measure, who is responsible, priority and deadline, and what became
// of it: the place on the map and its measures with their status. The map numbers every stop; a
// stop's number, clicked or pressed, leads to its part of the protocol.
import { api } from './api.js';
import { el, replace } from './dom.js';
import { formatDate, onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { boundsOf, createMap, removeMap, showMunicipality } from './map.js';
import { measureMark } from './layers/measures.js';
import { loadFailure } from './ui/unavailable.js';
import { label, loadVocabularies } from './vocabulary.js';
import { local } from './municipality.js';
import { facts } from './ui/facts.js';

const L = window.L;
const content = document.getElementById('content');
let map = null; // the route map, made anew on each render

function render(config, walk) {
  const p = walk.properties;
  document.title = `${p.title} – ${t('app.title')}`;
  const participants = Object.entries(p.participants)
    .map(([group, count]) => `${label('participantGroups', group)}: ${count}`).join(', ');
  const mapNode = el('div', { class: 'minimap', role: 'region', 'aria-label': t('activity.route') });
  replace(content,
    el('p', { class: 'kicker' }, label('activityKinds', p.kind)),
    el('h1', {}, p.title),
    p.description ? el('p', {}, p.description) : null,
    facts([
      [t('detail.when'), formatDate(p.startsOn)],
      [t('activity.timeOfDay'), p.timeOfDay ? label('timesOfDay', p.timeOfDay) : null],
      [t('activity.participants'), participants],
      [t('detail.district'), p.neighbourhoods.map((n) => n.name).join(', ')],
    ]),
    p.stops === null ? el('p', { role: 'note' }, t('activity.notPublished')) : [
      el('h2', {}, t('activity.route')),
      mapNode,
      el('h2', {}, t('activity.stops')),
      el('ol', { class: 'stops' }, p.stops.map((stop, i) => el('li', { dataset: { stop: stop.id }, id: `stop-${i + 1}`,
        tabindex: '-1' },
        el('h3', {}, t('activity.stop', { n: i + 1 })),
        facts([
          [t('activity.unsafe'), stop.unsafe],
          [t('activity.safe'), stop.safe],
          [t('activity.proposed'), stop.proposedMeasure],
          [t('activity.responsible'), stop.responsible ? label('responsibleParties', stop.responsible) : null],
          [t('activity.priority'), stop.priority ? label('priorities', stop.priority) : null],
          [t('activity.deadline'), formatDate(stop.deadline)],
        ]),
        outcome(stop)))),
    ]);
  if (p.stops !== null) {
    removeMap(map);
    map = createMap(mapNode, config, t('activity.route'));
    const route = L.geoJSON(walk.geometry, { style: () => ({ color: '#5b2a86', weight: 4 }) }).addTo(map);
    p.stops.forEach((stop, i) => {
      const [lon, lat] = stop.geometry.coordinates;
      const name = t('activity.stopMarker', { n: i + 1, where: stop.place?.name || stop.unsafe || '' }).replace(/: $/, '');
      L.marker([lat, lon], {
        icon: L.divIcon({
          className: 'stop-marker', iconSize: [30, 30],
          html: el('span', {}, el('span', { 'aria-hidden': 'true' }, String(i + 1)), el('span', { class: 'visually-hidden' }, name)),
        }),
        title: name,
        keyboard: true,
      }).on('click', () => {
        const item = document.getElementById(`stop-${i + 1}`);
        item.scrollIntoView({ block: 'start' });
        item.focus({ preventScroll: true });
      }).addTo(map);
    });
    const all = { type: 'FeatureCollection', features: [
      ...(walk.geometry ? [{ type: 'Feature', geometry: walk.geometry, properties: {} }] : []),
      ...p.stops.map((s) => ({ type: 'Feature', geometry: s.geometry, properties: {} }))] };
    if (all.features.length) map.fitBounds(boundsOf(all), { padding: [30, 30], maxZoom: 17 });
    route.bringToBack();
  }
}

/** What became of a stop: the place it is on the map, and the measures taken there with their status. */
function outcome(stop) {
  const measures = stop.measures || [];
  return el('section', { class: 'stop-outcome', 'aria-label': t('activity.outcome') },
    el('h4', {}, t('activity.outcome')),
    !stop.place && measures.length === 0 ? el('p', {}, t('activity.noOutcome')) : null,
    stop.place ? el('p', { class: 'outcome-place' }, `${t('activity.outcomePlace')}: `,
      el('a', { href: local(`/?plats=${stop.place.id}`) }, stop.place.name),
      ` (${label('placeStatuses', stop.place.status)})`) : null,
    measures.length ? el('ul', { class: 'items outcome-measures' }, measures.map((m) => el('li', { class: 'item' },
      measureMark(m.type, m.status),
      el('div', { class: 'item-body' },
        el('a', { href: local(`/?atgard=${m.id}`), dataset: { measure: m.id } }, m.title),
        el('span', { class: 'meta' }, `${label('measureTypes', m.type)} · ${label('measureStatuses', m.status)}`))))) : null);
}

async function start() {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  const id = Number(new URLSearchParams(location.search).get('id'));
  const [config, walk] = await Promise.all([api.config(), api.activity(id).then((r) => r.data), loadVocabularies()]);
  showMunicipality(config);
  render(config, walk);
  onLanguageChange(() => render(config, walk));
}

start().catch((error) => replace(content, loadFailure(error, 'detail.notFound')));
