// Create or edit a measure: what, who, status with its dates, the places it serves (picked on the
// map or in the list) and optionally its own geometry.
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { MEASURE_STATUSES, MEASURE_TYPES, OWNERS } from '../vocabulary.js';
import { drawControls, drawTool } from './draw.js';
import { checkboxes, commitmentBoxes, field, publishedField, select } from './fields.js';
import { clearErrorMarkers, formButtons, saveFeature } from './saving.js';

export function measureForm(ctx, { feature = null, etag = null, placeIds = [] } = {}) {
  const p = feature?.properties || { type: 'lighting', owner: 'municipality', status: 'proposed', placeIds };
  const commitments = ctx.data.commitments || [];
  const places = [...ctx.data.places.features].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'sv'));
  const fields = {
    title: field('title', t('form.title'), el('input', { value: p.title || '', maxlength: 200 }), { required: true }),
    description: field('description', t('form.description'), el('textarea', { rows: 3 }, p.description || '')),
    type: field('type', t('form.type'), select(MEASURE_TYPES, (v) => t(`type.${v}`), p.type)),
    owner: field('owner', t('form.owner'), select(OWNERS, (v) => t(`owner.${v}`), p.owner)),
    status: field('status', t('form.status'), select(MEASURE_STATUSES, (v) => t(`status.${v}`), p.status)),
    rejectionReason: field('rejectionReason', t('form.rejectionReason'), el('textarea', { rows: 2 }, p.rejectionReason || '')),
    // Goes into the measure's public timeline with the new status (or as an update on the work).
    statusNote: field('statusNote', t('form.statusNote'), el('textarea', { rows: 2, maxlength: 1000 })),
    plannedStart: field('plannedStart', t('form.plannedStart'), el('input', { type: 'date', value: p.plannedStart || '' })),
    plannedEnd: field('plannedEnd', t('form.plannedEnd'), el('input', { type: 'date', value: p.plannedEnd || '' })),
    completedOn: field('completedOn', t('form.completedOn'), el('input', { type: 'date', value: p.completedOn || '' })),
    placeIds: checkboxes('placeIds', t('form.places'), places.map((f) => String(f.id)),
      (id) => places.find((f) => String(f.id) === id).properties.name, p.placeIds.map(String)),
    commitmentIds: commitmentBoxes(commitments, p.commitmentIds || []),
    published: publishedField(feature),
  };
  const geometryError = el('p', { class: 'field-error', hidden: true });
  fields.geometry = { error: geometryError };
  const summary = el('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });

  // The dates that go with the status: a rejection reason when rejected, a completion date when done.
  const showStatusFields = () => {
    const status = fields.status.input.value;
    fields.rejectionReason.node.hidden = status !== 'rejected';
    fields.completedOn.node.hidden = status !== 'done';
  };
  fields.status.input.addEventListener('change', showStatusFields);
  showStatusFields();

  // Clicking a place on the map adds it to the measure or takes it away.
  const pickPlaces = (kind, id) => {
    if (kind !== 'place') return kind === 'district';
    const box = fields.placeIds.node.querySelector(`input[value="${id}"]`);
    if (box) box.checked = !box.checked;
    return true;
  };
  let controls;
  const tool = drawTool(ctx, () => controls?.update(), { idleIntercept: pickPlaces });
  controls = drawControls(tool, ['Point', 'LineString', 'Polygon']);
  tool.edit(feature?.properties.ownGeometry);

  const close = (route) => {
    tool.destroy();
    clearErrorMarkers(ctx);
    if (route) ctx.go(route); else ctx.refresh();
  };

  const value = (f) => (f.input.value.trim() === '' ? null : f.input.value);
  const form = el('form', {
    class: 'edit-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      if (tool.isDrawing()) tool.finish();
      const status = fields.status.input.value;
      const body = {
        type: 'Feature',
        geometry: tool.geometry(),
        properties: {
          title: fields.title.input.value,
          description: fields.description.input.value,
          type: fields.type.input.value,
          owner: fields.owner.input.value,
          status,
          rejectionReason: status === 'rejected' ? value(fields.rejectionReason) : null,
          statusNote: value(fields.statusNote),
          plannedStart: value(fields.plannedStart),
          plannedEnd: value(fields.plannedEnd),
          completedOn: status === 'done' ? value(fields.completedOn) : null,
          placeIds: fields.placeIds.values().map(Number),
          commitmentIds: fields.commitmentIds.values().map(Number),
          published: fields.published.input.checked,
        },
      };
      await saveFeature(ctx, {
        kind: 'measures', route: 'measure', feature, etag, body, summary, fields, close,
        title: (saved) => saved.properties.title,
        fetch: api.measure,
        reopen: (fresh) => measureForm(ctx, { feature: fresh.data, etag: fresh.etag }),
      });
    },
  },
  summary,
  fields.title.node,
  fields.type.node,
  fields.owner.node,
  fields.status.node,
  fields.rejectionReason.node,
  fields.statusNote.node,
  fields.plannedStart.node,
  fields.plannedEnd.node,
  fields.completedOn.node,
  el('p', { class: 'meta' }, t('form.pickOnMap')),
  fields.placeIds.node,
  el('fieldset', { class: 'field geometry', dataset: { field: 'geometry' } },
    el('legend', {}, t('form.ownGeometry')), controls.node, geometryError),
  fields.commitmentIds.node,
  fields.description.node,
  fields.published.node,
  formButtons(close));

  return [el('h2', { id: 'panel-title', tabindex: '-1' },
    feature ? `${t('planner.edit')}: ${p.title}` : t('planner.newMeasure')), form];
}
