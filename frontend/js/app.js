// The map application shared by the public page and the planners' page: data, map layers, the
// panel's views, and the URL (?omrade=slug, ?plats=id, ?atgard=id) so every view can be linked.
import { api } from './api.js';
import { el, replace } from './dom.js';
import { onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { boundsOf, createMap, showMunicipality } from './map.js';
import { neighbourhoodLayer } from './layers/neighbourhoods.js';
import { placeLayer } from './layers/places.js';
import { measureLayer } from './layers/measures.js';
import { highlightLayer } from './layers/highlight.js';
import { matches, newFilters } from './ui/filters.js';
import { activityView, districtView, homeView, measureView, placeView } from './ui/views.js';
import { activityLayer } from './layers/activities.js';
import { incidentGridLayer } from './layers/incidentGrid.js';
import { loadFailure } from './ui/unavailable.js';
import { loadVocabularies } from './vocabulary.js';

const NO_EXTRAS = { home: () => [], district: () => [], place: () => [], measure: () => [], activity: () => [] };

function routeFromUrl() {
  const params = new URLSearchParams(location.search);
  if (params.has('plats')) return { place: Number(params.get('plats')) };
  if (params.has('atgard')) return { measure: Number(params.get('atgard')) };
  if (params.has('aktivitet')) return { activity: Number(params.get('aktivitet')) };
  if (params.has('omrade')) return { district: params.get('omrade') };
  return {};
}

function urlOf(route) {
  const params = new URLSearchParams(location.search);
  ['plats', 'atgard', 'aktivitet', 'omrade'].forEach((key) => params.delete(key));
  if (route.place) params.set('plats', route.place);
  else if (route.measure) params.set('atgard', route.measure);
  else if (route.activity) params.set('aktivitet', route.activity);
  else if (route.district) params.set('omrade', route.district);
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : '');
}

export async function startApp({ extras = NO_EXTRAS } = {}) {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  const panel = document.getElementById('panel-content');
  replace(panel, el('p', { role: 'status' }, t('app.loading')));

  let config;
  const data = {};
  try {
    [config, data.neighbourhoods, data.places, data.measures, data.activities, data.incidentYears] = await Promise.all([
      api.config(), api.neighbourhoods(), api.places(), api.measures(), api.activities(), api.incidentYears(),
      loadVocabularies()]);
  } catch (error) {
    replace(panel, loadFailure(error));
    throw error;
  }

  showMunicipality(config);
  const map = createMap(document.getElementById('map'), config, t('app.map'));
  const filters = newFilters();
  let route = routeFromUrl();

  const go = (next, { push = true, moveMap = true } = {}) => {
    route = next;
    if (push) history.pushState(null, '', urlOf(route));
    render({ focus: true, moveMap });
  };

  // While a planner draws or picks places, clicks on the map belong to that tool.
  const unlessIntercepted = (kind, open) => (id) => {
    if (ctx.intercept && ctx.intercept(kind, id)) return;
    go(open(id));
  };
  const districts = neighbourhoodLayer(data.neighbourhoods, unlessIntercepted('district', (slug) => ({ district: slug })));
  const places = placeLayer(unlessIntercepted('place', (id) => ({ place: id })));
  const measures = measureLayer(map, unlessIntercepted('measure', (id) => ({ measure: id })));
  const activities = activityLayer(unlessIntercepted('activity', (id) => ({ activity: id })));
  const highlight = highlightLayer();
  const grid = incidentGridLayer();
  grid.layer.addTo(map);
  districts.layer.addTo(map);
  activities.layer.addTo(map);
  places.layer.addTo(map);
  measures.layer.addTo(map);
  highlight.layer.addTo(map);

  const ctx = {
    data, filters, go, map,
    /** The address of a view ({ district: slug }, { place: id }…), for links to it. */
    href: urlOf,
    intercept: null,
    /** Shows other content in the panel (a form), with focus on its heading. */
    show: (nodes) => {
      replace(panel, nodes);
      document.getElementById('panel-title')?.focus();
    },
    route: () => route,
    /** Tells screen readers (and everyone) what just happened. */
    announce: (message) => { document.getElementById('announcer').textContent = message; },
    extras: { ...NO_EXTRAS, ...extras },
    /** Draws the current view again, keeping focus on the element with this id (a filter). */
    refresh: (focusId) => {
      render({ focus: false, moveMap: false });
      if (typeof focusId === 'string') document.getElementById(focusId)?.focus();
    },
    incidents: { on: false, year: data.incidentYears[0] || new Date().getFullYear(), category: '', open: false },
    /** Shows or hides the aggregated incident layer as its controls say. */
    updateIncidents: async (focusId) => {
      await ctx.refreshIncidentLayer();
      ctx.refresh(focusId);
    },
    /** Fetches the incident layer again, leaving the panel as it is. */
    refreshIncidentLayer: async () => {
      const { on, year, category } = ctx.incidents;
      grid.show(on ? await api.incidentStatistics(year, category) : null);
    },
    /** Fetches everything again, e.g. after a planner saved a change. */
    reload: async () => {
      [data.neighbourhoods, data.places, data.measures, data.activities] = await Promise.all([
        api.neighbourhoods(), api.places(), api.measures(), api.activities()]);
      render({ focus: false, moveMap: false });
    },
  };

  function selected() {
    if (route.place) return data.places.features.find((f) => f.id === route.place);
    if (route.measure) return data.measures.features.find((f) => f.id === route.measure);
    if (route.activity) return data.activities.features.find((f) => f.id === route.activity);
    return null;
  }

  function render({ focus, moveMap }) {
    places.show(data.places.features);
    activities.show(data.activities.features);
    measures.show(data.measures.features.filter((f) => matches(filters, f)));
    districts.highlight(route.district);
    const item = selected();
    highlight.show(item?.geometry);
    let view;
    if (route.place) view = placeView(ctx, route.place);
    else if (route.measure) view = measureView(ctx, route.measure);
    else if (route.activity) view = activityView(ctx, route.activity);
    else if (route.district) view = districtView(ctx, route.district);
    else view = homeView(ctx);
    replace(panel, view);
    if (focus) document.getElementById('panel-title')?.focus();
    if (moveMap) {
      const district = data.neighbourhoods.features.find((f) => f.properties.slug === route.district);
      const target = item?.geometry || district?.geometry;
      if (target) map.fitBounds(boundsOf(target), { maxZoom: 17, padding: [24, 24] });
    }
    document.title = `${document.getElementById('panel-title')?.textContent || ''} – ${t('app.title')}`;
  }

  // The list alone, without the map: for screen readers, keyboards and small screens.
  const toggle = document.getElementById('view-toggle');
  const showList = (listOnly) => {
    document.body.classList.toggle('list-only', listOnly);
    toggle.textContent = t(listOnly ? 'app.mapView' : 'app.listView');
    toggle.dataset.i18n = listOnly ? 'app.mapView' : 'app.listView';
    if (!listOnly) map.invalidateSize();
  };
  toggle.addEventListener('click', () => {
    const listOnly = !document.body.classList.contains('list-only');
    const params = new URLSearchParams(location.search);
    if (listOnly) params.set('vy', 'lista'); else params.delete('vy');
    history.replaceState(null, '', location.pathname + (params.toString() ? `?${params}` : ''));
    showList(listOnly);
  });
  showList(new URLSearchParams(location.search).get('vy') === 'lista');

  window.addEventListener('popstate', () => go(routeFromUrl(), { push: false }));
  onLanguageChange(() => { map.getContainer().setAttribute('aria-label', t('app.map')); ctx.refresh(); });
  render({ focus: false, moveMap: true });
  return ctx;
}
