// The map asks only for what it shows. When it has moved (and stopped for a moment) it asks for its
// view again, and a newer view cancels what an older one still waits for. Far out it shows how many
// items lie in each cell of a grid, counted by the server; close in, the items themselves, every
// page of them.
import { api } from './api.js';
import { allPages } from './features.js';

/** How long the map must rest before it asks for its view: a drag or a few zoom clicks ask once. */
export const VIEW_PAUSE_MS = 250;

/** Below this zoom the map shows counts only: a municipality at a glance. */
export const ITEMS_FROM_ZOOM = 13;

/** From this zoom the map shows every item in view, however many (the view is a few streets). */
export const ALL_ITEMS_FROM_ZOOM = 17;

/** Between the two, items are shown when a view holds at most this many of a kind; counts otherwise. */
export const MOST_ITEMS_IN_VIEW = 300;

/** The map's view as the API takes it: the bounds a little widened (so that a small move needs nothing new) and the zoom. */
export function viewOf(map) {
  const bounds = map.getBounds().pad(0.1);
  const clamp = (value, limit) => Math.max(-limit, Math.min(limit, value));
  const bbox = [clamp(bounds.getWest(), 180), clamp(bounds.getSouth(), 85), clamp(bounds.getEast(), 180),
    clamp(bounds.getNorth(), 85)].map((n) => Number(n.toFixed(6)));
  return { bbox, zoom: map.getZoom() };
}

/**
 * What a layer shows for a view: { counts } (the server's clusters) or { features } (all items in
 * view). The filter narrows both (status, type…); kept, if given, is called with the items fetched.
 */
export async function itemsInView(kind, view, filter, { signal, kept = () => {} } = {}) {
  if (view.zoom < ALL_ITEMS_FROM_ZOOM) {
    const counts = await api.clusters(kind, { ...filter, bbox: view.bbox, zoom: view.zoom }, { signal });
    if (view.zoom < ITEMS_FROM_ZOOM || counts.numberMatched > MOST_ITEMS_IN_VIEW) return { counts };
  }
  const { features } = await allPages(kind, { ...filter, bbox: view.bbox }, { signal });
  kept(features);
  return { features };
}

// How many loads of a map's view are under way: while any is, the map says it is busy, so that
// assistive technology (and tests) can tell that its content is being replaced.
const loading = new WeakMap();

function busy(map, change) {
  const now = (loading.get(map) || 0) + change;
  loading.set(map, now);
  if (now > 0) map.getContainer().setAttribute('aria-busy', 'true');
  else map.getContainer().removeAttribute('aria-busy');
}

/**
 * Calls load(view, signal) for the map's view: now, and again each time the map has moved and
 * rested for VIEW_PAUSE_MS; a newer call aborts the older one's requests (signal). Failures other
 * than the abort go to onError.
 */
export function followView(map, load, onError = () => {}) {
  let timer = null;
  let controller = null;
  const run = () => {
    clearTimeout(timer);
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    busy(map, 1);
    return load(viewOf(map), signal).catch((error) => {
      if (!signal.aborted && error.name !== 'AbortError') onError(error);
    }).finally(() => busy(map, -1));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(run, VIEW_PAUSE_MS);
  };
  map.on('moveend', later);
  map.on('unload', () => { clearTimeout(timer); controller?.abort(); });
  return { now: run, later };
}
