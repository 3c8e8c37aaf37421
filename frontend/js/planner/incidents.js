// For the police and planners: exact incidents (clustered, in clusters of their own look; far out, or
// where the view holds very many, counted per cell of the map's grid by the server) and the
// grid squares with most incidents in a chosen date range, each named by its district and nearest
// unsafe place, outlined on the map when chosen, and which a planner can mark as a crime-exposed
// unsafe place in one step.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { charsetSelect } from '../forms/fields.js';
import { formatDate, formatDateTime, t } from '../i18n.js';
import { clusterGroup } from '../map.js';
import { countLayer } from '../layers/counts.js';
import { followView, itemsInView } from '../viewport.js';
import { clusterLegend } from '../ui/legend.js';
import { failureText } from '../ui/unavailable.js';
import { label } from '../vocabulary.js';

const L = window.L;

/** A hotspot's name from our own data: its district and the nearest unsafe place there. */
export function hotspotName(cell) {
  const { district, nearestPlace } = cell.properties;
  if (!district) return t('incidents.outsideDistricts');
  if (!nearestPlace) return t('incidents.hotspotNoPlace', { district: district.name });
  const near = t('incidents.hotspotNear', { district: district.name, place: nearestPlace.name });
  return nearestPlace.direction ? `${near} (${t(`direction.${nearestPlace.direction}`)})` : near;
}

// The period of hotspots and exact incidents: by default the latest year with incidents.
function incidentState(ctx) {
  if (!ctx.exactIncidents) {
    const year = ctx.incidents.year;
    ctx.exactIncidents = {
      on: false,
      layer: clusterGroup(ctx.map, { kind: 'incidents' }),
      counts: countLayer(ctx.map, 'incidents'),
      // SVG, not the map's canvas: one square, outlined above everything, that tests and tools can find.
      outline: L.geoJSON(null, {
        renderer: L.svg(), interactive: false,
        style: () => ({ color: '#111', weight: 4, dashArray: '8 5', fill: false, className: 'hotspot-outline' }),
      }).addTo(ctx.map),
      chosen: null,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    };
    const state = ctx.exactIncidents;
    // The map's view asks again as it moves; a later view, range or switch cancels an earlier answer.
    state.view = followView(ctx.map, (view, signal) => showExactIncidents(ctx, state, view, signal));
  }
  return ctx.exactIncidents;
}

async function showExactIncidents(ctx, state, view, signal) {
  if (!state.on || !(state.from && state.to && state.from <= state.to)) {
    state.layer.clearLayers();
    state.counts.show(null);
    ctx.map.removeLayer(state.layer);
    ctx.map.removeLayer(state.counts.layer);
    return;
  }
  const { features, counts } = await itemsInView('incidents', view, { from: state.from, to: state.to }, { signal });
  state.layer.clearLayers();
  state.layer.addLayers((features || []).map((f) => L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
    icon: L.divIcon({ className: 'incident-dot', iconSize: [10, 10] }), keyboard: false,
  }).bindTooltip(el('span', {},
    `${label('incidentCategories', f.properties.category)}, ${formatDate(f.properties.occurredFrom)}`))));
  state.counts.show(counts || null);
  state.layer.addTo(ctx.map);
  state.counts.layer.addTo(ctx.map);
}

function outline(state, cell) {
  state.chosen = cell?.id ?? null;
  state.outline.clearLayers();
  if (cell) state.outline.addData(cell.geometry);
}

function hotspotItem(ctx, state, cell, list, canEdit) {
  const name = hotspotName(cell);
  return el('li', { dataset: { cell: cell.properties.cell } },
    el('button', {
      type: 'button', class: 'link', dataset: { action: 'show-hotspot' },
      'aria-pressed': String(cell.id === state.chosen),
      onclick: (event) => {
        outline(state, cell);
        list.querySelectorAll('[data-action="show-hotspot"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
        event.currentTarget.setAttribute('aria-pressed', 'true');
        ctx.map.fitBounds(L.geoJSON(cell.geometry).getBounds(), { maxZoom: 17, padding: [40, 40] });
        ctx.announce(t('incidents.outlined', { name }));
      },
    }, name),
    el('span', { class: 'meta' }, t('incidents.hotspotCount', { count: cell.properties.count })),
    canEdit ? el('button', {
      type: 'button', class: 'button secondary', dataset: { action: 'mark-hotspot', cell: cell.properties.cell },
      onclick: async () => {
        const { data } = await api.create('places', {
          type: 'Feature',
          geometry: cell.geometry,
          properties: {
            name: t('incidents.hotspotName', {
              name, count: cell.properties.count, from: formatDate(state.from), to: formatDate(state.to),
            }),
            description: Object.entries(cell.properties.categories)
              .map(([category, n]) => `${label('incidentCategories', category)}: ${n}`).join(', '),
            reasons: ['crime_exposed'],
            source: 'police',
          },
        });
        outline(state, null);
        await ctx.reload();
        ctx.announce(t('incidents.marked'));
        ctx.go({ place: data.id });
      },
    }, t('incidents.markPlace')) : null);
}

export function incidentTools(ctx, { canEdit }) {
  const state = incidentState(ctx);
  const list = el('ol', { class: 'hotspots' });
  const period = el('p', { class: 'meta' });
  const rangeError = el('p', { class: 'field-error', id: 'incidents-range-error', hidden: true },
    t('incidents.rangeInvalid'));
  // A new range fetches the list in place: typing a date must not rebuild the field being typed in.
  const load = () => {
    const valid = Boolean(state.from && state.to && state.from <= state.to);
    rangeError.hidden = valid;
    dates.forEach((input) => (valid ? input.removeAttribute('aria-invalid') : input.setAttribute('aria-invalid', 'true')));
    replace(period, valid ? t('incidents.hotspotsPeriod', { from: formatDate(state.from), to: formatDate(state.to) }) : '');
    if (!valid) {
      replace(list);
      return;
    }
    replace(list, el('li', {}, t('app.loading')));
    // Only the answer for the latest range counts: an earlier one may arrive after it.
    state.asked = (state.asked || 0) + 1;
    const asked = state.asked;
    api.hotspots(state.from, state.to).then((collection) => {
      if (asked !== state.asked) return;
      if (!collection.features.some((cell) => cell.id === state.chosen)) outline(state, null);
      replace(list, collection.features.length
        ? collection.features.map((cell) => hotspotItem(ctx, state, cell, list, canEdit))
        : el('li', {}, t('incidents.noHotspots')));
    }).catch((error) => { if (asked === state.asked) replace(list, el('li', { class: 'error' }, failureText(error))); });
  };
  const dateInput = (id, key) => el('input', {
    type: 'date', id, value: state[key], 'aria-describedby': rangeError.id,
    onchange: (event) => {
      state[key] = event.target.value;
      outline(state, null);
      load();
      state.view.now();
    },
  });
  const dates = [dateInput('incidents-from', 'from'), dateInput('incidents-to', 'to')];
  load();
  const toggle = el('input', {
    type: 'checkbox', id: 'exact-incidents', checked: state.on,
    onchange: async (event) => {
      state.on = event.target.checked;
      await state.view.now();
    },
  });
  return [importForm(ctx, canEdit), el('section', { class: 'incident-tools' },
    el('h3', {}, t('incidents.hotspots')),
    el('fieldset', { class: 'date-range' },
      el('legend', {}, t('incidents.range')),
      el('div', {}, el('label', { for: 'incidents-from' }, t('incidents.from')), dates[0]),
      el('div', {}, el('label', { for: 'incidents-to' }, t('incidents.to')), dates[1]),
      rangeError),
    period,
    list,
    el('div', { class: 'check' }, toggle, el('label', { for: 'exact-incidents' }, t('incidents.exact'))),
    el('ul', { class: 'legend-list' }, clusterLegend('incidents', 12)))];
}

// Imports run in the background on the server; the form shows their progress until done. The list
// below it shows the latest imports (the police their own), each of which can be undone: it and the
// incidents it added are removed.
function importForm(ctx, canEdit) {
  const file = el('input', { type: 'file', accept: '.csv,text/csv', id: 'incident-file' });
  // Sources are a managed list, so "polisen" and "Polisen" cannot be two sources of one incident.
  const source = el('select', { id: 'incident-source' });
  const loadSources = async (chosen) => {
    const sources = await api.incidentSources();
    replace(source, sources.map((s) => el('option', { value: s.slug, selected: s.slug === chosen }, s.name)));
  };
  const [charsetLabel, charset] = charsetSelect('incident-charset');
  const status = el('div', { role: 'status', 'aria-live': 'polite', class: 'import-status' });
  const failed = (error) => replace(status, el('p', { class: 'error' }, error.message));
  const imports = importList(ctx);
  loadSources('polisen').catch(failed);
  const show = (job) => {
    replace(status,
      el('p', {}, t('incidents.importProgress', job),
        job.status === 'done' ? ` ${t('incidents.importDone')}` : '', job.status === 'failed' ? ` ${t('incidents.importFailed')}` : ''),
      // Why it stopped, e.g. that the database became unavailable and the file may be sent again.
      job.status === 'failed' && job.message ? el('p', {}, job.message) : null,
      job.rejections.length ? el('ul', { class: 'rejected-lines' }, job.rejections.slice(0, 20).map((r) => el('li', {},
        t('planner.rejectedLine', { line: r.line, reason: r.reason })))) : null);
  };
  const form = el('form', {
    class: 'planner-tools',
    onsubmit: async (event) => {
      event.preventDefault();
      if (!file.files[0]) return;
      try {
        let job = await api.importIncidents(file.files[0], source.value, charset.value);
        show(job);
        imports.refresh();
        while (job.status === 'running') {
          await new Promise((resolve) => { setTimeout(resolve, 1000); });
          job = await api.incidentImport(job.id);
          show(job);
        }
        await Promise.all([ctx.refreshIncidentLayer(), imports.refresh()]);
      } catch (error) {
        failed(error);
      }
    },
  },
  el('h3', {}, t('incidents.import')),
  el('label', { for: 'incident-file' }, t('incidents.importFile')), file,
  el('label', { for: 'incident-source' }, t('incidents.importSource')), source,
  canEdit ? newSource(loadSources) : null,
  charsetLabel, charset,
  el('button', { type: 'submit', class: 'button' }, t('incidents.importStart')),
  status);
  return [form, imports.node];
}

// Planners add a source (e.g. another police region's export) by its name; the slug is made from it.
function newSource(loadSources) {
  const name = el('input', { id: 'new-incident-source', maxlength: 100 });
  const said = el('p', { role: 'status', class: 'meta' });
  return el('details', { class: 'new-source' },
    el('summary', { dataset: { action: 'new-source' } }, t('incidents.newSource')),
    el('label', { for: 'new-incident-source' }, t('incidents.newSourceName')), name,
    el('button', {
      type: 'button', class: 'button secondary', dataset: { action: 'add-source' },
      onclick: async () => {
        try {
          const added = await api.addIncidentSource(name.value);
          await loadSources(added.slug);
          said.textContent = t('incidents.sourceAdded', added);
          name.value = '';
        } catch (error) {
          replace(said, error.reasons.join(' '));
        }
      },
    }, t('incidents.addSource')),
    said);
}

// The latest imports with their outcome; undoing one takes two steps, so a slip of the finger
// removes nothing.
function importList(ctx) {
  const list = el('ol', { class: 'import-list' });
  const said = el('p', { role: 'status', 'aria-live': 'polite', class: 'import-list-status' });
  const item = (job) => {
    const confirm = el('button', {
      type: 'button', class: 'button danger', hidden: true, dataset: { action: 'confirm-undo-import' },
      onclick: async () => {
        try {
          await api.undoIncidentImport(job.id);
          said.textContent = t('incidents.undone', job);
          await Promise.all([ctx.refreshIncidentLayer(), refresh()]);
        } catch (error) {
          replace(said, error.message);
        }
      },
    }, t('incidents.confirmUndo', job));
    const ask = el('button', {
      type: 'button', class: 'button secondary', dataset: { action: 'undo-import' },
      onclick: () => { confirm.hidden = false; confirm.focus(); },
    }, t('incidents.undo'));
    return el('li', { dataset: { import: job.id } },
      el('p', {}, el('strong', {}, job.sourceName || job.source), ` · ${formatDateTime(job.startedAt)} · ${job.startedBy}`),
      el('p', {}, t('incidents.importProgress', job), ' ', t(`incidents.importStatus.${job.status}`)),
      job.status !== 'running' ? el('div', { class: 'buttons' }, ask, confirm) : null);
  };
  const empty = el('p', { class: 'meta', hidden: true }, t('incidents.noImports'));
  async function refresh() {
    try {
      const jobs = await api.incidentImports();
      replace(list, jobs.map(item));
      list.hidden = jobs.length === 0;
      empty.hidden = jobs.length > 0;
    } catch (error) {
      replace(list, el('li', { class: 'error' }, failureText(error)));
    }
  }
  refresh();
  return {
    refresh,
    node: el('section', { class: 'import-list-section' }, el('h3', {}, t('incidents.recentImports')), said, empty, list),
  };
}
