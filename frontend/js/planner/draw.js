// Drawing and editing one point, line or area on the map, three ways: click to add vertices (drag
// them to move them); with the keyboard, at a crosshair in the map's centre (WCAG 2.1.1); or by
// typing coordinates, or taking an existing place's geometry. Produces GeoJSON in [longitude,
// latitude] order.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { fieldId } from '../forms/fields.js';
import { featurePicker } from './picker.js';

const L = window.L;

const MIN_VERTICES = { Point: 1, LineString: 2, Polygon: 3 };

/**
 * The crosshair in the map's centre that the keyboard draws at: the arrow keys pan the map (Leaflet's
 * own keyboard handling), so the crosshair moves over the ground. Shown while the map has focus in
 * a drawing mode (CSS: .map.drawing:focus).
 */
function crosshair(map) {
  const container = map.getContainer();
  if (!container.querySelector('.draw-crosshair')) {
    container.append(el('div', { class: 'draw-crosshair', 'aria-hidden': 'true' }));
  }
}

/**
 * Keys for drawing on the focused map: Enter adds at the crosshair, Shift+Enter finishes, Backspace
 * removes the last, Escape cancels. {@code handlers} has add(latlng), finish(), removeLast(), cancel();
 * returns a function that stops listening.
 */
export function keyboardDrawing(ctx, handlers) {
  const container = ctx.map.getContainer();
  crosshair(ctx.map);
  const onKey = (event) => {
    // Keys on a marker or control inside the map are theirs.
    if (event.target !== container) return;
    if (event.key === 'Enter' && event.shiftKey && handlers.finish) handlers.finish();
    else if (event.key === 'Enter') handlers.add(ctx.map.getCenter());
    else if (event.key === 'Backspace' && handlers.removeLast) handlers.removeLast();
    else if (event.key === 'Escape') handlers.cancel();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  container.addEventListener('keydown', onKey);
  return () => container.removeEventListener('keydown', onKey);
}

/** Puts the focus on the map (for the keyboard's crosshair) and says how to draw there. */
export function focusMapFor(ctx, hint) {
  ctx.map.getContainer().focus({ preventScroll: true });
  ctx.announce(hint);
}

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
  let stopKeys = null;

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

  function addVertex(latlng) {
    if (!drawing) return;
    vertices.push(latlng);
    if (kind === 'Point') {
      vertices = [latlng];
      stop();
    }
    redraw();
    onChange();
  }

  function onMapClick(event) {
    addVertex(event.latlng);
  }

  function stop() {
    drawing = false;
    map.off('click', onMapClick);
    stopKeys?.();
    stopKeys = null;
    map.getContainer().classList.remove('drawing');
    ctx.intercept = idleIntercept;
  }

  const tool = {
    ctx,
    start(nextKind) {
      stop();
      kind = nextKind;
      vertices = [];
      holes = [];
      fixed = null;
      drawing = true;
      map.on('click', onMapClick);
      map.getContainer().classList.add('drawing');
      stopKeys = keyboardDrawing(ctx, {
        add: (latlng) => {
          addVertex(latlng);
          ctx.announce(kind === 'Point' ? t('draw.pointPlaced') : t('draw.added', { n: vertices.length }));
        },
        finish: () => {
          if (kind === 'Point') return;
          const enough = vertices.length >= MIN_VERTICES[kind];
          tool.finish();
          ctx.announce(enough ? t('draw.finished', { type: t(`geometry.${kind}`), count: vertices.length })
            : t('draw.tooFew', { count: MIN_VERTICES[kind] }));
        },
        removeLast: () => {
          if (vertices.length === 0) return;
          tool.undo();
          ctx.announce(t('draw.removed', { n: vertices.length + 1 }));
        },
        cancel: () => {
          tool.clear();
          ctx.announce(t('draw.cancelled'));
        },
      });
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
    /** Where the drawn geometry is, as Leaflet bounds; null without one. */
    bounds() {
      const geometry = tool.geometry();
      return geometry ? L.geoJSON(geometry).getBounds() : null;
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

/**
 * Typed positions, one a line (or separated by ';'): two numbers each, separated by a space, a tab or
 * ", ", with a decimal point or comma. Numbers above 1000 are SWEREF 99 TM metres, else degrees. The
 * order needs no telling in Sweden: a northing is always larger than an easting, and a latitude
 * (55–69°) than a longitude (10–25°). Returns { crs, positions: [[x, y]] } or { error }.
 */
export function parseCoordinates(text) {
  const lines = text.split(/[\n;]/).map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return { error: t('coordinates.empty') };
  const positions = [];
  for (let i = 0; i < lines.length; i += 1) {
    const numbers = lines[i].replace(/,\s+/g, ' ').replace(/,/g, '.').split(/\s+/).map(Number);
    if (numbers.length !== 2 || numbers.some((n) => !Number.isFinite(n))) {
      return { error: t('coordinates.notAPair', { line: i + 1, text: lines[i] }) };
    }
    positions.push(numbers);
  }
  const metres = positions.map((p) => Math.abs(p[0]) > 1000 || Math.abs(p[1]) > 1000);
  if (metres.some((m) => m !== metres[0])) return { error: t('coordinates.mixed') };
  return {
    crs: metres[0] ? 'EPSG:3006' : 'EPSG:4326',
    positions: positions.map(([a, b]) => (a < b ? [a, b] : [b, a])),
  };
}

/** A geometry of {@code kind} from [lon, lat] positions; a polygon's ring is closed here. */
function geometryOf(kind, positions) {
  if (kind === 'Point') return { type: 'Point', coordinates: positions[0] };
  if (kind === 'LineString') return { type: 'LineString', coordinates: positions };
  const ring = [...positions];
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
  return { type: 'Polygon', coordinates: [ring] };
}

// Typing coordinates: for GIS staff who read them off a drawing or QGIS, and for anyone who
// cannot draw on a map at all.
function coordinateEntry(tool, kinds) {
  const id = fieldId('coordinates');
  const text = el('textarea', { id, rows: 4, 'aria-describedby': `${id}-hint ${id}-error` });
  // Typed coordinates are most often an area's corners (or a route's points): the last kind offered.
  const kindSelect = el('select', { id: `${id}-kind` },
    kinds.map((kind, i) => el('option', { value: kind, selected: i === kinds.length - 1 }, t(`geometry.${kind}`))));
  const error = el('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  const apply = async () => {
    error.textContent = '';
    const parsed = parseCoordinates(text.value);
    if (parsed.error) {
      error.textContent = parsed.error;
      return;
    }
    const kind = kindSelect.value;
    if (parsed.positions.length < MIN_VERTICES[kind]) {
      error.textContent = t('coordinates.tooFew', { type: t(`geometry.${kind}`), count: MIN_VERTICES[kind] });
      return;
    }
    try {
      const positions = parsed.crs === 'EPSG:3006' ? await api.toWgs84(parsed.positions) : parsed.positions;
      tool.edit(geometryOf(kind, positions.map(([x, y]) => [round(x), round(y)])));
      tool.ctx.map.fitBounds(tool.bounds(), { maxZoom: 17, padding: [24, 24] });
      tool.ctx.announce(t('coordinates.used', { type: t(`geometry.${kind}`), count: parsed.positions.length }));
    } catch (failure) {
      // coordinates[2] is the third position typed: its number, and the server's reason as it says it.
      replace(error, failure.errors.length ? failure.errors.map((e) => {
        const index = /^coordinates\[(\d+)\]/.exec(e.field);
        return `${index ? `${t('coordinates.position', { number: Number(index[1]) + 1 })}: ` : ''}${e.reason} `;
      }) : failure.message);
    }
  };
  return el('details', { class: 'coordinates' },
    el('summary', { dataset: { action: 'type-coordinates' } }, t('coordinates.summary')),
    el('label', { for: `${id}-kind` }, t('coordinates.kind')), kindSelect,
    el('label', { for: id }, t('coordinates.label')),
    el('p', { class: 'meta', id: `${id}-hint` }, t('coordinates.hint')),
    text, error,
    el('button', { type: 'button', class: 'button secondary', dataset: { action: 'use-coordinates' }, onclick: apply },
      t('coordinates.use')));
}

// Taking an existing place's geometry: a measure's own geometry or a new place often is one.
function copyFromPlace(tool) {
  let search = null;
  const holder = el('div', {});
  const details = el('details', {
    class: 'copy-geometry',
    ontoggle: () => {
      if (!details.open || search) return;
      search = featurePicker(tool.ctx, {
        kind: 'places', name: 'copyGeometry', legend: t('draw.copyLegend'),
        onPick: async (item) => {
          const { data } = await api.place(item.id);
          tool.edit(data.geometry);
          tool.ctx.announce(t('draw.copied', { name: item.label }));
          details.open = false;
        },
      });
      holder.append(search.node);
    },
  }, el('summary', { dataset: { action: 'copy-geometry' } }, t('draw.copy')), holder);
  return { node: details, destroy: () => search?.destroy() };
}

/** The buttons, status line and other ways of drawing that drive a draw tool, for a form. */
export function drawControls(tool, kinds) {
  const status = el('p', { class: 'draw-status', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const startButtons = kinds.map((kind) => el('button', {
    type: 'button', class: 'button secondary', dataset: { draw: kind },
    onclick: () => {
      tool.start(kind);
      focusMapFor(tool.ctx, t(kind === 'Point' ? 'draw.keyboardPoint' : 'draw.keyboard'));
    },
  }, t({ Point: 'form.drawPoint', LineString: 'form.drawLine', Polygon: 'form.drawPolygon' }[kind])));
  const finish = el('button', { type: 'button', class: 'button', dataset: { drawFinish: '' }, onclick: () => tool.finish() },
    t('draw.finish'));
  const undo = el('button', { type: 'button', class: 'button secondary', onclick: () => tool.undo() }, t('draw.undo'));
  const cancel = el('button', { type: 'button', class: 'button secondary', onclick: () => tool.clear() },
    t('draw.cancel'));
  const remove = el('button', { type: 'button', class: 'button secondary', onclick: () => tool.clear() },
    t('form.removeGeometry'));
  const copy = copyFromPlace(tool);
  let wasDrawing = false;

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
    // A drawing finished from the keyboard on the map goes on in the form, where it is described.
    if (wasDrawing && !drawing && document.activeElement === tool.ctx.map.getContainer()) status.focus();
    wasDrawing = drawing;
  }
  update();
  return {
    update,
    destroy: copy.destroy,
    node: el('div', { class: 'draw-controls' }, status,
      el('div', { class: 'buttons' }, startButtons, finish, undo, cancel, remove),
      coordinateEntry(tool, kinds), copy.node),
  };
}
