// The "Ladda ner" menu: every layer of the municipality as GeoPackage, GeoJSON or CSV, in SWEREF 99 TM
// (what the municipality's GIS works in, the default) or WGS 84. A disclosure button opens a list of
// plain links (the browser downloads them; nothing is fetched here); Escape closes it again.
import { el } from '../dom.js';
import { t } from '../i18n.js';

const LAYERS = ['places', 'measures', 'neighbourhoods', 'activities', 'incidents'];
const FORMATS = [['gpkg', 'GeoPackage'], ['geojson', 'GeoJSON'], ['csv', 'CSV']];
const CRSS = [['EPSG:3006', 'exports.sweref'], ['EPSG:4326', 'exports.wgs84']];

/** The address of a layer's file in a CRS, of the municipality (its slug). */
export function exportHref(layer, format, crs, municipality) {
  const query = new URLSearchParams({ municipality, crs });
  return `/api/export/${layer}.${format}?${query}`;
}

export function exportMenu(ctx) {
  const municipality = ctx.config.slug;
  let crs = CRSS[0][0];
  const links = () => LAYERS.map((layer) => el('li', {},
    el('span', { class: 'export-layer', id: `export-${layer}` }, t(`exports.layer.${layer}`)),
    el('ul', { class: 'export-formats', 'aria-labelledby': `export-${layer}` },
      FORMATS.map(([format, name]) => el('li', {}, el('a', {
        href: exportHref(layer, format, crs, municipality), download: '',
        'aria-label': t('exports.link', { layer: t(`exports.layer.${layer}`), format: name }),
        dataset: { layer, format },
      }, name))))));
  const list = el('ul', { class: 'export-layers' }, links());
  const choice = el('fieldset', { class: 'export-crs' },
    el('legend', {}, t('exports.crs')),
    CRSS.map(([code, label]) => el('label', {},
      el('input', {
        type: 'radio', name: 'export-crs', value: code, checked: code === crs,
        onchange: (event) => { crs = event.target.value; list.replaceChildren(...links()); },
      }), ' ', t(label))));
  const panel = el('div', { id: 'export-menu', class: 'export-menu', hidden: true }, choice, list);
  const toggle = el('button', {
    type: 'button', class: 'button secondary', 'aria-expanded': 'false', 'aria-controls': 'export-menu',
    dataset: { action: 'export' },
    onclick: () => setOpen(panel.hidden),
  }, t('exports.button'));
  function setOpen(open) {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  }
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      toggle.focus();
    }
  });
  return el('div', { class: 'export' }, toggle, panel);
}
