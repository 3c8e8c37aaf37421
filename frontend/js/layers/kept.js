// A layer that shows items anew keeps the Leaflet layers of those that stay as they were: the map
// asks for its view again and again as it moves, and a marker someone is on (by keyboard, by
// pointer) must not be drawn anew under them.

/**
 * Shows these items in place of those shown: items whose key is among the shown keep their layer;
 * the others are made (make(item) → a Leaflet layer) and added, and layers of items gone are removed.
 * shown: the Map (key → layer) the caller keeps between calls.
 */
export function showKept(shown, items, keyOf, make, { add, remove }) {
  const wanted = new Map(items.map((item) => [keyOf(item), item]));
  const gone = [...shown.keys()].filter((key) => !wanted.has(key));
  remove(gone.map((key) => shown.get(key)));
  gone.forEach((key) => shown.delete(key));
  const added = [...wanted].filter(([key]) => !shown.has(key)).map(([key, item]) => {
    const layer = make(item);
    shown.set(key, layer);
    return layer;
  });
  add(added);
}

/** An item's key: its id and version, in the page's language (its name on the map is in it). */
export function versionKey(feature) {
  return `${feature.id}:${feature.properties.version}:${document.documentElement.lang}`;
}

/**
 * A layer of GeoJSON features drawn with these Leaflet options, each kept while it stays as it was
 * ({@link showKept}); {layer, show(features)}.
 */
export function keptGeoJsonLayer(options) {
  const L = window.L;
  const layer = L.featureGroup();
  const shown = new Map();
  return {
    layer,
    show(features) {
      showKept(shown, features, versionKey, (feature) => L.geoJSON(feature, options), {
        add: (layers) => layers.forEach((added) => layer.addLayer(added)),
        remove: (layers) => layers.forEach((removed) => layer.removeLayer(removed)),
      });
    },
  };
}
