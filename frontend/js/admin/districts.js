// "Stadsdelar": the districts, each deletable, and the import of the municipality's own boundaries
// (GeoJSON or GeoPackage): a dry run first, whose report offers the file's properties and layers,
// then the import. Every name and reason from the file or the server goes in as text.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';

const CRS_CHOICES = ['', 'EPSG:4326', 'EPSG:3006'];

/** The section, with the districts as they are now. */
export async function districtsSection(page) {
  const holder = el('div');
  const problem = el('div', { role: 'alert' });
  // The list alone is drawn again after a change, so the import's report stays in view.
  const refresh = async () => {
    const districts = (await api.neighbourhoods()).features.map((f) => f.properties);
    replace(holder, districts.length
      ? el('ul', { class: 'district-list' }, districts.map((district) => el('li', { dataset: { district: district.slug } },
        el('span', {}, district.name), el('span', { class: 'slug' }, district.slug),
        deleteButtons(page, district, problem, refresh))))
      : el('p', {}, t('admin.noDistricts')));
  };
  await refresh();
  return el('section', { class: 'admin-section', 'aria-labelledby': 'districts-heading' },
    el('h2', { id: 'districts-heading' }, t('admin.districts')), holder, problem,
    importForm(page, refresh));
}

// Two steps, so a slip of the finger removes nothing. What keeps a district (a promise naming it)
// is listed, to be changed first.
function deleteButtons(page, district, problem, refresh) {
  const confirm = el('button', {
    type: 'button', class: 'button danger', hidden: true,
    onclick: async () => {
      try {
        const { etag } = await api.neighbourhood(district.slug);
        await api.removeNeighbourhood(district.slug, etag);
        replace(problem);
        page.announce(t('planner.deleted', { name: district.name }));
        await refresh();
      } catch (error) {
        const references = error.problem.references || [];
        replace(problem, el('p', { class: 'error' }, t('admin.cannotDelete', { name: district.name })),
          references.length
            ? el('ul', {}, references.map((r) => el('li', {}, t(`admin.reference.${r.kind}`), ` ${r.id}: `, r.title,
              r.detail ? ` (${r.detail})` : '')))
            : el('p', {}, error.message));
        confirm.hidden = true;
      }
    },
  }, t('planner.confirmDelete', { name: district.name }));
  const ask = el('button', {
    type: 'button', class: 'button secondary',
    onclick: () => { confirm.hidden = false; confirm.focus(); },
  }, t('admin.deleteDistrict', { name: district.name }));
  return [ask, confirm];
}

function labelled(id, label, control) {
  control.id = id;
  return [el('label', { for: id }, label), control];
}

function importForm(page, refresh) {
  const file = el('input', { type: 'file', accept: '.gpkg,.geojson,.json,application/geo+json,application/geopackage+sqlite3' });
  const crs = el('select', {}, CRS_CHOICES.map((code) => el('option', { value: code }, t(`admin.crs.${code || 'file'}`))));
  const nameProperty = el('select', {}, el('option', { value: '' }, t('admin.nameAuto')));
  const layer = el('select', {}, el('option', { value: '' }, t('admin.layerFirst')));
  const layerField = el('div', { hidden: true }, labelled('import-layer', t('admin.layer'), layer));
  const repair = el('input', { type: 'checkbox', id: 'import-repair' });
  const report = el('div', { class: 'import-report', role: 'status', 'aria-live': 'polite', hidden: true });
  const run = el('button', { type: 'button', class: 'button secondary', dataset: { action: 'dry-run' } }, t('admin.dryRun'));
  const store = el('button', { type: 'button', class: 'button', disabled: true, dataset: { action: 'import' } },
    t('admin.import'));
  const options = (dryRun) => ({
    dryRun, repair: repair.checked,
    ...(crs.value && { crs: crs.value }),
    ...(nameProperty.value && { nameProperty: nameProperty.value }),
    ...(layer.value && { layer: layer.value }),
  });
  // The import stores what the dry run showed: any change of file or choice asks for a new dry run.
  [file, crs, nameProperty, layer, repair].forEach((input) => input.addEventListener('change', () => {
    store.disabled = true;
  }));
  file.addEventListener('change', () => {
    replace(nameProperty, el('option', { value: '' }, t('admin.nameAuto')));
    replace(layer, el('option', { value: '' }, t('admin.layerFirst')));
    layerField.hidden = true;
  });
  const send = async (dryRun) => {
    if (!file.files[0]) {
      replace(report, el('p', { class: 'error' }, t('admin.chooseFile')));
      report.hidden = false;
      return;
    }
    try {
      const result = await api.importDistricts(file.files[0], options(dryRun));
      offer(nameProperty, result.properties, result.nameProperty, t('admin.nameAuto'));
      offer(layer, result.layers, result.layer, t('admin.layerFirst'));
      layerField.hidden = result.layers.length < 2;
      replace(report, describe(result));
      report.hidden = false;
      store.disabled = !dryRun;
      if (!dryRun) {
        page.announce(t('admin.imported', { added: result.totals.added, replaced: result.totals.replaced }));
        await refresh();
      }
    } catch (error) {
      replace(report, el('p', { class: 'error' }, t('admin.importFailed')), error.reasons.map((r) => el('p', {}, r)));
      report.hidden = false;
      store.disabled = true;
    }
  };
  run.addEventListener('click', () => send(true));
  store.addEventListener('click', () => send(false));
  return el('form', { class: 'edit-form', onsubmit: (event) => event.preventDefault() },
    el('h3', {}, t('admin.importDistricts')),
    el('p', {}, t('admin.importHelp')),
    labelled('import-file', t('admin.file'), file),
    labelled('import-crs', t('admin.crs'), crs),
    labelled('import-name', t('admin.nameProperty'), nameProperty),
    layerField,
    el('div', { class: 'check' }, repair, el('label', { for: repair.id }, t('admin.repair'))),
    el('div', { class: 'buttons' }, run, store),
    report);
}

/** Fills a select with the values a dry run found, keeping the one in use selected. */
function offer(select, values, selected, automatic) {
  const current = select.value;
  replace(select, el('option', { value: '' }, automatic),
    values.map((value) => el('option', { value, selected: value === (current || selected) }, value)));
}

function describe(result) {
  const slugs = (list) => (list.length ? list.join(', ') : '–');
  const when = result.dryRun ? 'would' : 'did';
  return [
    el('h3', {}, t(result.dryRun ? 'admin.report.dryRun' : 'admin.report.done')),
    el('p', {}, t('admin.report.read', { format: result.format, crs: result.crs, fileCrs: result.fileCrs || t('admin.report.noCrs') }),
      result.nameProperty ? ` ${t('admin.report.names', { property: result.nameProperty })}` : ''),
    el('p', { dataset: { report: 'added' } }, t(`admin.report.added.${when}`, { count: result.totals.added }), ' ', slugs(result.added)),
    el('p', { dataset: { report: 'replaced' } }, t(`admin.report.replaced.${when}`, { count: result.totals.replaced }), ' ',
      slugs(result.replaced)),
    result.repaired.length ? el('p', {}, t('admin.report.repaired', { count: result.repaired.length })) : null,
    result.repaired.length ? el('ul', {}, result.repaired.map((r) => el('li', {},
      t('admin.report.feature', { number: r.feature }), ` ${r.slug}: `, r.reason))) : null,
    el('p', { dataset: { report: 'rejected' } }, t('admin.report.rejected', { count: result.totals.rejected })),
    result.rejected.length ? el('ul', { class: 'rejected-lines' }, result.rejected.map((r) => el('li', {},
      t('admin.report.feature', { number: r.feature }), r.name ? ` (${r.name})` : '', ': ', r.reason))) : null,
  ];
}
