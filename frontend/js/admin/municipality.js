// "Kommunen": the municipality's settings (name, extent, start view, background map, the contacts the
// about page gives residents), with the
// extent and start view shown on a small map. Saved with the version read (If-Match).
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { createMap } from '../map.js';
import { field, showErrors } from '../forms/fields.js';

const L = window.L;

const number = (value, attributes = {}) => el('input', { type: 'number', step: 'any', value: value ?? '', ...attributes });

/** The settings form; {etag} is the version it was read at. */
export function municipalitySection(page, { data: settings, etag }) {
  const [minLon, minLat, maxLon, maxLat] = settings.extent;
  const view = settings.startView;
  const fields = {
    name: field('name', t('admin.name'), el('input', { type: 'text', value: settings.name, maxlength: 100 }),
      { required: true }),
    tileUrl: field('tileUrl', t('admin.tileUrl', { z: '{z}', x: '{x}', y: '{y}' }), el('input', { type: 'url', value: settings.tileUrl, maxlength: 500 }),
      { required: true }),
    tileAttribution: field('tileAttribution', t('admin.tileAttribution'),
      el('input', { type: 'text', value: settings.tileAttribution, maxlength: 300 })),
    maxZoom: field('maxZoom', t('admin.maxZoom'), number(settings.maxZoom, { min: 1, max: 22, step: 1 }),
      { required: true }),
    contactEmail: field('contactEmail', t('admin.contactEmail'),
      el('input', { type: 'email', value: settings.contactEmail ?? '', maxlength: 254, autocomplete: 'off' })),
    accessibilityContact: field('accessibilityContact', t('admin.accessibilityContact'),
      el('input', { type: 'text', value: settings.accessibilityContact ?? '', maxlength: 500, autocomplete: 'off' })),
  };
  const corners = {
    minLon: field('minLon', t('admin.minLon'), number(minLon, { min: -180, max: 180 }), { required: true }),
    minLat: field('minLat', t('admin.minLat'), number(minLat, { min: -90, max: 90 }), { required: true }),
    maxLon: field('maxLon', t('admin.maxLon'), number(maxLon, { min: -180, max: 180 }), { required: true }),
    maxLat: field('maxLat', t('admin.maxLat'), number(maxLat, { min: -90, max: 90 }), { required: true }),
  };
  const extentError = el('p', { class: 'field-error', id: 'extent-error', hidden: true });
  fields.extent = { input: null, error: extentError };
  const ownView = el('input', { type: 'checkbox', id: 'own-start-view', checked: Boolean(view) });
  const start = {
    lon: field('startLon', t('admin.startLon'), number(view?.center[0])),
    lat: field('startLat', t('admin.startLat'), number(view?.center[1])),
    zoom: field('startZoom', t('admin.startZoom'), number(view?.zoom, { min: 0, max: 22, step: 0.5 })),
  };
  const startError = el('p', { class: 'field-error', id: 'start-view-error', hidden: true });
  fields.startView = { input: null, error: startError };
  const viewFields = el('div', { class: 'columns', hidden: !view }, Object.values(start).map((f) => f.node));
  ownView.addEventListener('change', () => { viewFields.hidden = !ownView.checked; useView.hidden = !ownView.checked; });
  let map = null;
  const useView = el('button', {
    type: 'button', class: 'button secondary', hidden: !view,
    onclick: () => {
      const centre = map.getCenter();
      start.lon.input.value = centre.lng.toFixed(5);
      start.lat.input.value = centre.lat.toFixed(5);
      start.zoom.input.value = map.getZoom();
      page.announce(t('admin.viewTaken'));
    },
  }, t('admin.useMapView'));
  const summary = el('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
  const mapNode = el('div', { class: 'minimap', id: 'municipality-map', role: 'region', 'aria-label': t('admin.extentMap') });
  let etagNow = etag;

  const value = (f) => (f.input.value === '' ? null : Number(f.input.value));
  const read = () => ({
    name: fields.name.input.value,
    extent: [value(corners.minLon), value(corners.minLat), value(corners.maxLon), value(corners.maxLat)],
    startView: ownView.checked ? { center: [value(start.lon), value(start.lat)], zoom: value(start.zoom) } : null,
    tileUrl: fields.tileUrl.input.value,
    tileAttribution: fields.tileAttribution.input.value,
    maxZoom: value(fields.maxZoom),
    contactEmail: fields.contactEmail.input.value,
    accessibilityContact: fields.accessibilityContact.input.value,
  });

  const form = el('form', {
    class: 'edit-form', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        const saved = await api.saveSettings(read(), etagNow);
        etagNow = saved.etag;
        summary.hidden = true;
        page.announce(t('admin.settingsSaved'));
        await page.render();
      } catch (error) {
        if (error.status === 412) {
          error.problem.errors = [{ field: '', reason: t('admin.savedByOthers') }];
        }
        showErrors(summary, fields, error);
      }
    },
  },
  summary,
  fields.name.node,
  el('fieldset', { 'aria-describedby': extentError.id },
    el('legend', {}, t('admin.extent')),
    el('p', {}, t('admin.extentHelp')),
    el('div', { class: 'columns' }, Object.values(corners).map((f) => f.node)), extentError),
  mapNode,
  el('fieldset', { 'aria-describedby': startError.id },
    el('legend', {}, t('admin.startView')),
    el('div', { class: 'check' }, ownView, el('label', { for: ownView.id }, t('admin.ownStartView'))),
    viewFields, useView, startError),
  el('fieldset', {},
    el('legend', {}, t('admin.background')),
    fields.tileUrl.node, fields.tileAttribution.node, fields.maxZoom.node),
  el('fieldset', {},
    el('legend', {}, t('admin.contact')),
    el('p', {}, t('admin.contactHelp')),
    fields.contactEmail.node, fields.accessibilityContact.node),
  el('button', { type: 'submit', class: 'button', dataset: { action: 'save-settings' } }, t('admin.saveSettings')));

  page.afterRender.push(() => {
    map = createMap(mapNode, settings, t('admin.extentMap'));
    const box = L.rectangle([[minLat, minLon], [maxLat, maxLon]], { color: '#00558c', weight: 2, fill: false });
    box.addTo(map);
    map.fitBounds(box.getBounds(), { padding: [10, 10] });
    if (view) L.circleMarker([view.center[1], view.center[0]], { radius: 6, color: '#a4000f' }).addTo(map);
  });

  return el('section', { class: 'admin-section', 'aria-labelledby': 'municipality-heading' },
    el('h2', { id: 'municipality-heading' }, t('admin.municipality')), form);
}
