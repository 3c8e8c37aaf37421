// The map application shared by the public page and the planners' page: data, map layers, the
// panel's views, and the URL (?omrade=slug, ?plats=id, ?atgard=id) so every view can be linked.
// The districts (with their counts) come first; the map then asks for what its view shows, and each
// view of the panel for what it lists, a page at a time.
import { api } from './api.js';
import { el, replace } from './dom.js';
import { onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { boundsOf, createMap, showMunicipality } from './map.js';
import { neighbourhoodLayer } from './layers/neighbourhoods.js';
import { placeLayer } from './layers/places.js';
import { measureLayer } from './layers/measures.js';
import { highlightLayer } from './layers/highlight.js';
import { measureQuery, newFilters } from './ui/filters.js';
import { activityView, districtView, homeView, measureView, notFoundView, placeView } from './ui/views.js';
import { activityLayer } from './layers/activities.js';
import { incidentGridLayer } from './layers/incidentGrid.js';
import { loadFailure } from './ui/unavailable.js';
import { loadVocabularies } from './vocabulary.js';
import { countLayer } from './layers/counts.js';
import { allPages, featureStore } from './features.js';
import { followView, itemsInView } from './viewport.js';

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
    [config, data.neighbourhoods, data.incidentYears] = await Promise.all([
      api.config(), api.neighbourhoods(), api.incidentYears(), loadVocabularies()]);
  } catch (error) {
    replace(panel, loadFailure(error));
    throw error;
  }

  showMunicipality(config);
  const map = createMap(document.getElementById('map'), config, t('app.map'));
  const filters = newFilters();
  const store = featureStore();
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
  const placeCounts = countLayer(map, 'places');
  const measureCounts = countLayer(map, 'measures');
  const highlight = highlightLayer();
  const grid = incidentGridLayer();
  grid.layer.addTo(map);
  districts.layer.addTo(map);
  activities.layer.addTo(map);
  places.layer.addTo(map);
  placeCounts.layer.addTo(map);
  measures.layer.addTo(map);
  measureCounts.layer.addTo(map);
  highlight.layer.addTo(map);

  // What the view shows: each kind as counts or as items, and the activities (few) as items.
  const shownItems = new Map();
  // Activities are few: they have no counts.
  const NO_COUNTS = { show: () => {} };
  const showKind = (items, counts) => ({ features, counts: cells }) => {
    shownItems.set(items, features || []);
    items.show(features || []);
    counts.show(cells || null);
  };
  // Markers are named in the page's language: a new language names them anew.
  onLanguageChange(() => shownItems.forEach((features, items) => items.show(features)));
  const loadView = (view, signal) => {
    const kept = (kind) => (features) => store.keep(kind, features);
    const measureFilter = measureQuery(filters);
    return Promise.all([
      itemsInView('places', view, {}, { signal, kept: kept('places') }).then(showKind(places, placeCounts)),
      (measureFilter ? itemsInView('measures', view, measureFilter, { signal, kept: kept('measures') })
        : Promise.resolve({ features: [] })).then(showKind(measures, measureCounts)),
      allPages('activities', { bbox: view.bbox }, { signal })
        .then(({ features }) => showKind(activities, NO_COUNTS)({ features: store.keep('activities', features) })),
    ]);
  };
  const viewport = followView(map, loadView);

  const ctx = {
    data, store, filters, go, map, config,
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
    refresh: (focusId) => render({ focus: false, moveMap: false, focusId }),
    /**
     * The measures' filters changed: the map asks for its view again, and a district's measures are
     * listed anew (the filters themselves stay, with the focus on them).
     */
    refilter: () => {
      viewport.now();
      return panel.querySelector('.district-measures')?.refilter();
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
      store.clear();
      data.neighbourhoods = await api.neighbourhoods();
      await Promise.all([viewport.now(), render({ focus: false, moveMap: false })]);
    },
  };

  // The item a route names, fetched by id when the map has not brought it: a link may lead anywhere.
  const KINDS = { place: 'places', measure: 'measures', activity: 'activities' };
  const routeKind = () => Object.keys(KINDS).find((key) => route[key]);

  let rendering = 0;
  async function render({ focus, moveMap, focusId, animate = true }) {
    const drawn = ++rendering;
    districts.highlight(route.district);
    const kind = routeKind();
    let item = null;
    let view;
    try {
      item = kind ? await store.one(KINDS[kind], route[kind]) : null;
      if (kind && !item) view = notFoundView(ctx);
      else if (kind === 'place') view = placeView(ctx, item, await store.many('measures', item.properties.measureIds));
      else if (kind === 'measure') view = measureView(ctx, item, await store.many('places', item.properties.placeIds));
      else if (kind === 'activity') view = activityView(ctx, item);
      else if (route.district) view = await districtView(ctx, route.district);
      else view = homeView(ctx);
    } catch (error) {
      view = loadFailure(error);
    }
    // A later route (a quicker click) wins over this one.
    if (drawn !== rendering) return;
    highlight.show(item?.geometry);
    replace(panel, view);
    if (focus) document.getElementById('panel-title')?.focus();
    if (typeof focusId === 'string') document.getElementById(focusId)?.focus();
    if (moveMap) {
      const district = data.neighbourhoods.features.find((f) => f.properties.slug === route.district);
      const target = item?.geometry || district?.geometry;
      if (target) map.fitBounds(boundsOf(target), { maxZoom: 17, padding: [24, 24], animate });
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
  // The panel first (the district list needs nothing more), then what the map's view shows: the
  // view a link leads to is set at once, so that the first request is for it.
  await render({ focus: false, moveMap: true, animate: false });
  viewport.now();
  return ctx;
}
