// For the police and planners: exact incidents (clustered) and the grid squares with most
// incidents, each of which a planner can mark as a crime-exposed unsafe place in one step.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { charsetSelect, serverText } from './fields.js';
import { formatDate, formatDateTime, t } from '../i18n.js';
import { clusterGroup } from '../map.js';
import { failureText } from '../ui/unavailable.js';

const L = window.L;

export function incidentTools(ctx, { canEdit }) {
  if (!ctx.exactIncidents) {
    ctx.exactIncidents = { on: false, layer: clusterGroup(ctx.map) };
  }
  const state = ctx.exactIncidents;
  const year = ctx.incidents.year;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const list = el('ol', { class: 'hotspots' }, el('li', {}, t('app.loading')));
  api.hotspots(from, to).then((collection) => replace(list, collection.features.map((cell) => el('li', {},
    el('button', {
      type: 'button', class: 'link',
      onclick: () => ctx.map.fitBounds(L.geoJSON(cell.geometry).getBounds(), { maxZoom: 17 }),
    }, t('incidents.hotspot', { cell: cell.properties.cell, count: cell.properties.count })),
    el('span', { class: 'meta' }, ` ${cell.properties.neighbourhoods.map((n) => n.name).join(', ')}`),
    canEdit ? el('button', {
      type: 'button', class: 'button secondary', dataset: { action: 'mark-hotspot', cell: cell.properties.cell },
      onclick: async () => {
        const { data } = await api.create('places', {
          type: 'Feature',
          geometry: cell.geometry,
          properties: {
            name: t('incidents.hotspotName', { count: cell.properties.count, year }),
            description: Object.entries(cell.properties.categories)
              .map(([category, n]) => `${t(`category.${category}`)}: ${n}`).join(', '),
            reasons: ['crime_exposed'],
            source: 'police',
          },
        });
        await ctx.reload();
        ctx.announce(t('incidents.marked'));
        ctx.go({ place: data.id });
      },
    }, t('incidents.markPlace')) : null))))
    .catch((error) => replace(list, el('li', { class: 'error' }, failureText(error))));

  const toggle = el('input', {
    type: 'checkbox', id: 'exact-incidents', checked: state.on,
    onchange: async (event) => {
      state.on = event.target.checked;
      state.layer.clearLayers();
      if (state.on) {
        const incidents = await api.incidents(from, to);
        state.layer.addLayers(incidents.features.map((f) => L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
          icon: L.divIcon({ className: 'incident-dot', iconSize: [10, 10] }), keyboard: false,
        }).bindTooltip(el('span', {}, `${t(`category.${f.properties.category}`)}, ${formatDate(f.properties.occurredFrom)}`))));
        state.layer.addTo(ctx.map);
      } else {
        ctx.map.removeLayer(state.layer);
      }
    },
  });
  return [importForm(ctx, canEdit), el('section', { class: 'incident-tools' },
    el('h3', {}, t('incidents.hotspots')),
    el('p', { class: 'meta' }, t('incidents.hotspotsPeriod', { from: formatDate(from), to: formatDate(to) })),
    list,
    el('div', { class: 'check' }, toggle, el('label', { for: 'exact-incidents' }, t('incidents.exact'))))];
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
  const failed = (error) => replace(status, el('p', { class: 'error' }, serverText(error.message)));
  const imports = importList(ctx);
  loadSources('polisen').catch(failed);
  const show = (job) => {
    replace(status,
      el('p', {}, t('incidents.importProgress', job),
        job.status === 'done' ? ` ${t('incidents.importDone')}` : '', job.status === 'failed' ? ` ${t('incidents.importFailed')}` : ''),
      // Why it stopped, e.g. that the database became unavailable and the file may be sent again.
      job.status === 'failed' && job.message ? el('p', {}, serverText(job.message)) : null,
      job.rejections.length ? el('ul', { class: 'rejected-lines' }, job.rejections.slice(0, 20).map((r) => el('li', {},
        t('planner.rejectedLine', { line: r.line, reason: '' }), serverText(r.reason)))) : null);
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
          replace(said, serverText(error.errors?.map((e) => e.reason).join('; ') || error.message));
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
          replace(said, serverText(error.message));
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
