// A safety walk's published protocol: when, who took part, the route and every stop with what felt
// unsafe and safe, the proposed measure, who is responsible, priority and deadline.
import { api } from './api.js';
import { el, replace } from './dom.js';
import { formatDate, onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { boundsOf, createMap, showMunicipality } from './map.js';
import { loadFailure } from './ui/unavailable.js';

const L = window.L;
const content = document.getElementById('content');
let map = null; // the route map, made anew on each render

function facts(rows) {
  return el('dl', { class: 'facts' }, rows.filter(([, value]) => value).flatMap(([term, value]) => [
    el('dt', {}, term), el('dd', {}, value)]));
}

function render(config, walk) {
  const p = walk.properties;
  document.title = `${p.title} – ${t('app.title')}`;
  const participants = Object.entries(p.participants)
    .map(([group, count]) => `${t(`participants.${group}`)}: ${count}`).join(', ');
  const mapNode = el('div', { class: 'minimap', role: 'region', 'aria-label': t('activity.route') });
  replace(content,
    el('p', { class: 'kicker' }, t('activity.safety_walk')),
    el('h1', {}, p.title),
    p.description ? el('p', {}, p.description) : null,
    facts([
      [t('detail.when'), formatDate(p.startsOn)],
      [t('activity.timeOfDay'), p.timeOfDay ? t(`timeOfDay.${p.timeOfDay}`) : null],
      [t('activity.participants'), participants],
      [t('detail.district'), p.neighbourhoods.map((n) => n.name).join(', ')],
    ]),
    p.stops === null ? el('p', { role: 'note' }, t('activity.notPublished')) : [
      el('h2', {}, t('activity.route')),
      mapNode,
      el('h2', {}, t('activity.stops')),
      el('ol', { class: 'stops' }, p.stops.map((stop, i) => el('li', { dataset: { stop: stop.id } },
        el('h3', {}, t('activity.stop', { n: i + 1 })),
        facts([
          [t('activity.unsafe'), stop.unsafe],
          [t('activity.safe'), stop.safe],
          [t('activity.proposed'), stop.proposedMeasure],
          [t('activity.responsible'), stop.responsible ? t(`owner.${stop.responsible}`) : null],
          [t('activity.priority'), stop.priority ? t(`priority.${stop.priority}`) : null],
          [t('activity.deadline'), formatDate(stop.deadline)],
        ]),
        stop.placeId ? el('p', {}, `${t('activity.becamePlace')} `,
          el('a', { href: `/?plats=${stop.placeId}` }, t('followup.openOnMap'))) : null))),
    ]);
  if (p.stops !== null) {
    map?.remove();
    map = createMap(mapNode, config, t('activity.route'));
    const route = L.geoJSON(walk.geometry, { style: () => ({ color: '#5b2a86', weight: 4 }) }).addTo(map);
    p.stops.forEach((stop, i) => {
      const [lon, lat] = stop.geometry.coordinates;
      L.marker([lat, lon], { title: t('activity.stop', { n: i + 1 }), alt: t('activity.stop', { n: i + 1 }) })
        .bindTooltip(el('span', {}, String(i + 1)), { permanent: true, direction: 'top' })
        .addTo(map);
    });
    const all = { type: 'FeatureCollection', features: [
      ...(walk.geometry ? [{ type: 'Feature', geometry: walk.geometry, properties: {} }] : []),
      ...p.stops.map((s) => ({ type: 'Feature', geometry: s.geometry, properties: {} }))] };
    if (all.features.length) map.fitBounds(boundsOf(all), { padding: [30, 30], maxZoom: 17 });
    route.bringToBack();
  }
}

async function start() {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  const id = Number(new URLSearchParams(location.search).get('id'));
  const [config, walk] = await Promise.all([api.config(), api.activity(id).then((r) => r.data)]);
  showMunicipality(config);
  render(config, walk);
  onLanguageChange(() => render(config, walk));
}

start().catch((error) => replace(content, loadFailure(error, 'detail.notFound')));
