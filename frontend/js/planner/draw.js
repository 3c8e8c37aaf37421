// Drawing and editing one point, line or area on the map: click to add vertices, drag them to
// move them. Produces GeoJSON in [longitude, latitude] order.
import { el } from '../dom.js';
import { t } from '../i18n.js';

const L = window.L;

const MIN_VERTICES = { Point: 1, LineString: 2, Polygon: 3 };

/**
 * While drawing, clicks on the map are the drawing's; when idle, {@code idleIntercept} (if any)
 * decides what clicks on places do.
 */
export function drawTool(ctx, onChange, { idleIntercept = null } = {}) {
  const { map } = ctx;
  const group = L.featureGroup().addTo(map);
  let kind = null;
  let vertices = [];
  let holes = [];
  let drawing = false;
  let fixed = null; // a multi-part geometry shown as it is; it can only be replaced

  function vertexMarker(latlng, index) {
    const marker = L.marker(latlng, {
      draggable: true,
      icon: L.divIcon({ className: 'vertex', iconSize: [14, 14] }),
      title: t('draw.vertex', { n: index + 1 }),
      alt: t('draw.vertex', { n: index + 1 }),
    });
    marker.on('drag', (event) => {
      vertices[index] = event.target.getLatLng();
      redrawShape();
    });
    marker.on('dragend', () => onChange());
    return marker;
  }

  function redrawShape() {
    group.eachLayer((layer) => { if (!(layer instanceof L.Marker)) group.removeLayer(layer); });
    const style = { color: '#111', weight: 3, dashArray: drawing ? '4 4' : null, interactive: false };
    if (fixed) {
      group.addLayer(L.geoJSON(fixed, { style: () => style }));
    } else if (kind === 'LineString' && vertices.length > 1) {
      group.addLayer(L.polyline(vertices, style));
    } else if (kind === 'Polygon' && vertices.length > 1) {
      group.addLayer(L.polygon([vertices, ...holes], { ...style, fillOpacity: 0.15 }));
    }
  }

  function redraw() {
    group.clearLayers();
    vertices.forEach((latlng, i) => group.addLayer(vertexMarker(latlng, i)));
    redrawShape();
  }

  function onMapClick(event) {
    if (!drawing) return;
    vertices.push(event.latlng);
    if (kind === 'Point') {
      vertices = [event.latlng];
      stop();
    }
    redraw();
    onChange();
  }

  function stop() {
    drawing = false;
    map.off('click', onMapClick);
    map.getContainer().classList.remove('drawing');
    ctx.intercept = idleIntercept;
  }

  const tool = {
    start(nextKind) {
      stop();
      kind = nextKind;
      vertices = [];
      holes = [];
      fixed = null;
      drawing = true;
      map.on('click', onMapClick);
      map.getContainer().classList.add('drawing');
      // Clicks on places and districts go to the drawing, not to opening them.
      ctx.intercept = () => true;
      redraw();
      onChange();
    },
    finish() {
      if (vertices.length >= MIN_VERTICES[kind]) stop();
      redraw();
      onChange();
    },
    undo() {
      vertices.pop();
      redraw();
      onChange();
    },
    clear() {
      stop();
      kind = null;
      vertices = [];
      holes = [];
      fixed = null;
      redraw();
      onChange();
    },
    /** Loads a stored geometry for editing. */
    edit(geometry) {
      tool.clear();
      if (!geometry) return;
      const toLatLng = ([lon, lat]) => L.latLng(lat, lon);
      kind = geometry.type;
      if (kind === 'Point') vertices = [toLatLng(geometry.coordinates)];
      else if (kind === 'LineString') vertices = geometry.coordinates.map(toLatLng);
      else if (kind === 'Polygon') {
        vertices = geometry.coordinates[0].slice(0, -1).map(toLatLng);
        holes = geometry.coordinates.slice(1).map((ring) => ring.slice(0, -1).map(toLatLng));
      } else fixed = geometry;
      redraw();
      onChange();
    },
    isDrawing: () => drawing,
    kind: () => kind,
    count: () => (fixed ? null : vertices.length),
    /** The drawn geometry as GeoJSON, or null when there is none (yet). */
    geometry() {
      if (fixed) return fixed;
      if (!kind || vertices.length < MIN_VERTICES[kind]) return null;
      const position = (latlng) => [round(latlng.lng), round(latlng.lat)];
      if (kind === 'Point') return { type: 'Point', coordinates: position(vertices[0]) };
      if (kind === 'LineString') return { type: 'LineString', coordinates: vertices.map(position) };
      const ring = (points) => [...points.map(position), position(points[0])];
      return { type: 'Polygon', coordinates: [ring(vertices), ...holes.map(ring)] };
    },
    destroy() {
      stop();
      ctx.intercept = null;
      map.removeLayer(group);
    },
  };
  return tool;
}

function round(value) {
  return Math.round(value * 1e7) / 1e7;
}

/** The buttons and status line that drive a draw tool, for a form. */
export function drawControls(tool, kinds) {
  const status = el('p', { class: 'draw-status', role: 'status', 'aria-live': 'polite' });
  const startButtons = kinds.map((kind) => el('button', {
    type: 'button', class: 'button secondary', dataset: { draw: kind },
    onclick: () => tool.start(kind),
  }, t({ Point: 'form.drawPoint', LineString: 'form.drawLine', Polygon: 'form.drawPolygon' }[kind])));
  const finish = el('button', { type: 'button', class: 'button', dataset: { drawFinish: '' }, onclick: () => tool.finish() },
    t('draw.finish'));
  const undo = el('button', { type: 'button', class: 'button secondary', onclick: () => tool.undo() }, t('draw.undo'));
  const cancel = el('button', { type: 'button', class: 'button secondary', onclick: () => tool.clear() },
    t('draw.cancel'));
  const remove = el('button', { type: 'button', class: 'button secondary', onclick: () => tool.clear() },
    t('form.removeGeometry'));

  function update() {
    const drawing = tool.isDrawing();
    const geometry = tool.geometry();
    const kind = tool.kind();
    finish.hidden = !drawing || kind === 'Point';
    undo.hidden = !drawing || kind === 'Point';
    cancel.hidden = !drawing;
    remove.hidden = drawing || !geometry;
    if (drawing) {
      status.textContent = `${t({ Point: 'draw.point', LineString: 'draw.line', Polygon: 'draw.polygon' }[kind])} `
        + (tool.count() ? t('form.geometryDrawn', { type: t(`geometry.${kind}`), count: tool.count() }) : '');
    } else if (geometry) {
      status.textContent = `${t('form.geometryDrawn', {
        type: t(`geometry.${geometry.type}`),
        count: tool.count() ?? '–',
      })} ${tool.count() ? t('draw.edit') : ''}`;
    } else {
      status.textContent = t('form.noGeometry');
    }
  }
  update();
  return { update, node: el('div', { class: 'draw-controls' }, status, el('div', { class: 'buttons' }, startButtons, finish, undo, cancel, remove)) };
}
