// /sverige, the national page: every municipality of the installation on one map and in a table,
// each with its current promise period, how far its promises have come and what its map holds,
// linked to its own pages (/flen/). One request brings them all (GET /api/municipalities), so the
// page stays quick with 290 municipalities; the map clusters them until one zooms in.
import { api } from './api.js';
import { el, replace } from './dom.js';
import { language, onLanguageChange, t, tn, toggleLanguage, translatePage } from './i18n.js';
import { clusterGroup, createMap } from './map.js';
import { loadFailure } from './ui/unavailable.js';
import { municipalityHref } from './municipality.js';

const L = window.L;

/** Zoomed in this far, every municipality has its own marker. */
const NO_CLUSTERS_FROM_ZOOM = 9;

const list = document.getElementById('national-list');

/** The period a municipality works in now: the one running this year, else the latest begun, else the first. */
function currentPeriod(periods) {
  const year = new Date().getFullYear();
  const begun = periods.filter((p) => p.periodStart <= year);
  return begun.find((p) => p.periodEnd >= year) || begun[0] || periods[0] || null;
}

/** Where a municipality's marker stands: its start view's centre, else its extent's. */
function positionOf(municipality) {
  if (municipality.startView) {
    const [lon, lat] = municipality.startView.center;
    return [lat, lon];
  }
  const [minLon, minLat, maxLon, maxLat] = municipality.extent;
  return [(minLat + maxLat) / 2, (minLon + maxLon) / 2];
}

/** The extent of them all, [minLon, minLat, maxLon, maxLat], for the map to fit. */
function extentOf(municipalities) {
  return municipalities.map((m) => m.extent).reduce((all, e) => [Math.min(all[0], e[0]), Math.min(all[1], e[1]),
    Math.max(all[2], e[2]), Math.max(all[3], e[3])]);
}

const number = (value) => new Intl.NumberFormat(language() === 'sv' ? 'sv-SE' : 'en-GB').format(value);

const percent = (period) => t('national.percent', { percent: Math.round(period.progress * 100) });

/** What the map's popup and the table say of a municipality's promises now. */
function promiseSummary(period) {
  if (!period) return t('national.noPeriod');
  return t('national.periodSummary', { period: period.period, progress: percent(period),
    done: period.commitmentsDone, total: period.commitments });
}

function popup(municipality) {
  return el('div', { class: 'municipality-popup' },
    el('p', { class: 'popup-title' }, municipality.name),
    el('p', {}, promiseSummary(currentPeriod(municipality.periods))),
    el('p', {}, t('national.counts', { places: number(municipality.places),
      measures: number(municipality.measures.total), districts: number(municipality.districts) })),
    el('p', {}, el('a', { href: municipalityHref(municipality.slug) }, t('national.open', { name: municipality.name }))));
}

function showOnMap(map, municipalities) {
  const group = clusterGroup(map, { kind: 'municipalities', disableClusteringAtZoom: NO_CLUSTERS_FROM_ZOOM });
  const markers = municipalities.map((municipality) => L.marker(positionOf(municipality), {
    keyboard: true,
    title: municipality.name,
    alt: municipality.name,
    icon: L.divIcon({ className: 'municipality-marker', iconSize: [18, 18],
      html: el('span', { class: 'visually-hidden' }, municipality.name) }),
  }).bindPopup(() => popup(municipality)));
  group.addLayers(markers);
  group.addTo(map);
}

const COLUMNS = ['name', 'period', 'progress', 'commitments', 'places', 'measures', 'done', 'districts'];

function row(municipality) {
  const period = currentPeriod(municipality.periods);
  const cell = (value) => el('td', { class: 'number' }, value);
  return el('tr', { dataset: { municipality: municipality.slug } },
    el('th', { scope: 'row' }, el('a', { href: municipalityHref(municipality.slug) }, municipality.name)),
    el('td', {}, period ? period.period : t('national.noPeriod')),
    cell(period ? percent(period) : '–'),
    cell(period ? t('national.commitmentsDone', { done: period.commitmentsDone, total: period.commitments }) : '–'),
    cell(number(municipality.places)),
    cell(number(municipality.measures.total)),
    cell(number(municipality.measures.done)),
    cell(number(municipality.districts)));
}

function showList(municipalities) {
  const status = el('p', { role: 'status', class: 'meta' });
  const body = el('tbody', {}, ...municipalities.map(row));
  const search = el('input', { id: 'municipality-search', type: 'search', autocomplete: 'off' });
  const filter = () => {
    const wanted = search.value.trim().toLocaleLowerCase('sv');
    let shown = 0;
    municipalities.forEach((municipality, i) => {
      const match = !wanted || municipality.name.toLocaleLowerCase('sv').includes(wanted);
      body.rows[i].hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = wanted ? t('national.shown', { shown, count: municipalities.length })
      : tn('national.count', municipalities.length);
  };
  search.addEventListener('input', filter);
  replace(list,
    el('h2', { id: 'national-list-title' }, t('national.list')),
    el('label', { for: 'municipality-search' }, t('national.search')),
    search,
    status,
    el('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': 'national-list-title', tabindex: 0 },
      el('table', { class: 'municipalities' },
        el('caption', { class: 'visually-hidden' }, t('national.caption')),
        el('thead', {}, el('tr', {}, ...COLUMNS.map((key) => el('th', { scope: 'col' }, t(`national.col.${key}`))))),
        body)));
  filter();
}

async function start() {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  let config;
  let municipalities;
  try {
    [config, { municipalities }] = await Promise.all([api.config(), api.municipalities()]);
  } catch (error) {
    replace(list, loadFailure(error));
    throw error;
  }
  const render = () => {
    document.title = `${t('national.title')} – ${t('app.title')}`;
    showList(municipalities);
  };
  render();
  onLanguageChange(render);
  if (!municipalities.length) return;
  // The background and its limits are the installation's (the default municipality's settings); the
  // view is every municipality at once.
  const map = createMap(document.getElementById('national-map'),
    { ...config, startView: null, extent: extentOf(municipalities) }, t('national.map'));
  onLanguageChange(() => map.getContainer().setAttribute('aria-label', t('national.map')));
  showOnMap(map, municipalities);
}

start();
