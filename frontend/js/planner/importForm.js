// "Importera": places or measures from a GeoPackage, GeoJSON or CSV file. Choosing the file asks the
// server for its columns and CRS and the mapping it proposes (the last import's, then same-name
// columns); the planner adjusts the mapping, runs it dry to see every row's reasons, then imports.
// Names of columns and reasons from the server go in as text only.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';

const LAYERS = ['places', 'measures'];
const CRS_CHOICES = ['', 'EPSG:3006', 'EPSG:4326'];

function labelled(id, label, control) {
  control.id = id;
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}

export function importForm(ctx) {
  const layer = el('select', {}, LAYERS.map((code) => el('option', { value: code }, t(`import.layer.${code}`))));
  const file = el('input', { type: 'file', accept: '.gpkg,.geojson,.json,.csv,application/geo+json,application/geopackage+sqlite3,text/csv' });
  const crs = el('select', {}, CRS_CHOICES.map((code) => el('option', { value: code }, t(`import.crs.${code || 'file'}`))));
  const detected = el('p', { class: 'import-detected', role: 'status', 'aria-live': 'polite' });
  const columns = el('fieldset', { class: 'import-mapping', hidden: true });
  const report = el('div', { class: 'import-report', role: 'status', 'aria-live': 'polite', hidden: true });
  const problem = el('div', { class: 'error', role: 'alert', hidden: true });
  const dryRun = el('button', { type: 'button', class: 'button secondary', dataset: { action: 'import-dry-run' } },
    t('import.dryRun'));
  const store = el('button', { type: 'button', class: 'button', disabled: true, dataset: { action: 'import-store' } },
    t('import.store'));
  let selects = {};

  const fail = (error) => {
    replace(problem, el('p', {}, t('import.failed')), (error.reasons || [error.message]).map((r) => el('p', {}, r)));
    problem.hidden = false;
    store.disabled = true;
  };

  // The file's columns, each field a select of them, starting at the proposed mapping.
  const inspect = async () => {
    store.disabled = true;
    report.hidden = true;
    problem.hidden = true;
    if (!file.files[0]) return;
    try {
      const found = await api.inspectImport(layer.value, file.files[0]);
      replace(detected, t('import.detected', {
        format: found.format, count: found.columns.length, crs: found.fileCrs || t('import.noCrs'),
      }));
      selects = {};
      const rows = found.fields.map((field) => {
        const select = el('select', { dataset: { field } }, el('option', { value: '' }, t('import.unmapped')),
          found.columns.map((column) => el('option', { value: column, selected: found.mapping[field] === column }, column)));
        select.addEventListener('change', () => { store.disabled = true; });
        selects[field] = select;
        return labelled(`import-field-${field}`, t(`import.field.${field}`), select);
      });
      replace(columns, el('legend', {}, t('import.mapping')), rows);
      columns.hidden = false;
    } catch (error) {
      columns.hidden = true;
      fail(error);
    }
  };

  const mapping = () => Object.fromEntries(Object.entries(selects)
    .filter(([, select]) => select.value)
    .map(([field, select]) => [field, select.value]));

  const send = async (dry) => {
    problem.hidden = true;
    if (!file.files[0]) {
      fail({ reasons: [t('import.chooseFile')] });
      file.focus();
      return;
    }
    try {
      const result = await api.importFile(layer.value, file.files[0], {
        dryRun: dry, mapping: JSON.stringify(mapping()), ...(crs.value && { crs: crs.value }),
      });
      replace(report, describe(result));
      report.hidden = false;
      store.disabled = !dry;
      if (!dry) {
        ctx.announce(t('import.done', result.totals));
        await ctx.reload();
      }
    } catch (error) {
      fail(error);
    }
  };

  layer.addEventListener('change', inspect);
  file.addEventListener('change', inspect);
  crs.addEventListener('change', () => { store.disabled = true; });
  dryRun.addEventListener('click', () => send(true));
  store.addEventListener('click', () => send(false));

  return [el('h2', { id: 'panel-title', tabindex: '-1' }, t('import.heading')),
    el('form', { class: 'edit-form import-form', onsubmit: (event) => event.preventDefault() },
      el('p', {}, t('import.help')),
      labelled('import-layer', t('import.layer'), layer),
      labelled('import-file', t('import.file'), file),
      detected,
      labelled('import-crs', t('import.crs'), crs),
      columns,
      el('div', { class: 'buttons' }, dryRun, store,
        el('button', { type: 'button', class: 'button secondary', onclick: () => ctx.go({}) }, t('import.close'))),
      problem,
      report)];
}

function describe(result) {
  const where = (r) => (r.line ? t('import.line', { number: r.line }) : t('import.feature', { number: r.feature }));
  const field = (r) => (r.field ? ` ${r.field}${r.column ? ` (${r.column})` : ''}` : '');
  return [
    el('h3', {}, t(result.dryRun ? 'import.report.dryRun' : 'import.report.done')),
    el('p', { dataset: { report: 'totals' } }, t(result.dryRun ? 'import.report.would' : 'import.report.did', result.totals)),
    result.rejected.length ? el('ul', { class: 'rejected-lines' }, result.rejected.map((r) => el('li', {},
      where(r), field(r), ': ', r.reason))) : null,
  ];
}
