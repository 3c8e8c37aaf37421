// Marks the chosen place or measure on the map.
const L = window.L;

export function highlightLayer() {
  const layer = L.geoJSON(null, {
    style: () => ({ color: '#111', weight: 3, dashArray: '6 4', fill: false }),
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 14, color: '#111', weight: 3, fill: false }),
    interactive: false,
  });
  return {
    layer,
    show(geometry) {
      layer.clearLayers();
      if (geometry) layer.addData(geometry);
    },
  };
}
