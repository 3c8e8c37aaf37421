// For the police and planners: exact incidents (clustered) and the grid squares with most
// incidents, each of which a planner can mark as a crime-exposed unsafe place in one step.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { formatDate, t } from '../i18n.js';

const L = window.L;

export function incidentTools(ctx, { canEdit }) {
  if (!ctx.exactIncidents) {
    ctx.exactIncidents = { on: false, layer: L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true }) };
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
    .catch(() => replace(list, el('li', { class: 'error' }, t('app.loadFailed'))));

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
  return [el('section', { class: 'incident-tools' },
    el('h3', {}, t('incidents.hotspots')),
    el('p', { class: 'meta' }, t('incidents.hotspotsPeriod', { from: formatDate(from), to: formatDate(to) })),
    list,
    el('div', { class: 'check' }, toggle, el('label', { for: 'exact-incidents' }, t('incidents.exact'))))];
}
