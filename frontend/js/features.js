// Places, measures and activities as the pages ask for them: by view, by district, by id, a page at
// a time, never a whole table. Every item fetched is kept by id, so that what the map shows opens at
// once and a view opened again needs no request; a planner's change clears them.
import { api } from './api.js';

/** How many items one request asks for; the server may answer with fewer (its maximum) and says how many match. */
export const PAGE_SIZE = 500;

/** How many ids one request names (they go in the address). */
const IDS_PER_REQUEST = 100;

/**
 * Every item matching a filter, page after page as the server answers (up to its maximum a page):
 * none is left out because there were more than one answer holds.
 */
export async function allPages(kind, filter, { signal } = {}) {
  const features = [];
  let matched = Infinity;
  while (features.length < matched) {
    const page = await api.page(kind, { ...filter, limit: PAGE_SIZE, offset: features.length }, { signal });
    matched = page.numberMatched;
    features.push(...page.features);
    // The data changed between two pages: what there is has arrived.
    if (page.features.length === 0) break;
  }
  return { type: 'FeatureCollection', numberMatched: features.length, features };
}

export function featureStore() {
  const kept = { places: new Map(), measures: new Map(), activities: new Map() };
  const store = {
    /** Keeps these features for later; returns them. */
    keep(kind, features) {
      features.forEach((feature) => kept[kind].set(feature.id, feature));
      return features;
    },
    /** A kept item, or undefined. */
    cached: (kind, id) => kept[kind].get(id),
    /**
     * One item by id (kept, else fetched); null when there is none this reader may see. Asked for as
     * a list of one (?ids=), so that a link to a draft or a deleted item is an empty answer, not a
     * failed request.
     */
    async one(kind, id) {
      if (!Number.isSafeInteger(id) || id < 1) return null;
      return (await store.many(kind, [id]))[0] || null;
    },
    /** The items with these ids that this reader may see, in the order asked (kept ones are not fetched again). */
    async many(kind, ids) {
      const missing = ids.filter((id) => !kept[kind].has(id));
      const requests = [];
      for (let i = 0; i < missing.length; i += IDS_PER_REQUEST) {
        requests.push(allPages(kind, { ids: missing.slice(i, i + IDS_PER_REQUEST) })
          .then((collection) => store.keep(kind, collection.features)));
      }
      await Promise.all(requests);
      return ids.map((id) => kept[kind].get(id)).filter(Boolean);
    },
    /** One page of items matching a filter, each kept. */
    async page(kind, filter, options) {
      const collection = await api.page(kind, filter, options);
      store.keep(kind, collection.features);
      return collection;
    },
    /** Forgets everything, after a change: what is shown next is fetched anew. */
    clear() {
      Object.values(kept).forEach((map) => map.clear());
    },
  };
  return store;
}
