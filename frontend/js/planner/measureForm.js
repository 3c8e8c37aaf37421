// Create or edit a measure: what, who, status with its dates, the places it serves (searched, or
// picked on the map) and optionally its own geometry. Marked done, it offers to move its places'
// status along in the same save.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { label } from '../vocabulary.js';
import { fieldId } from '../forms/fields.js';
import { choiceInput, dateInput, readAll, textInput } from '../forms/inputs.js';
import { errorSummary } from '../forms/saving.js';
import { drawnFeature } from './featureForm.js';
import { commitmentPicker, featureItem, featurePicker } from './picker.js';
import { publishes, saveButtons, saveFeature } from './saving.js';

const PLACE_STATUS_CHOICES = ['resolved', 'being_addressed', ''];

export function measureForm(ctx, { feature = null, etag = null, placeIds = [] } = {}) {
  const p = feature?.properties || { type: 'lighting', owner: 'municipality', status: 'proposed', placeIds };
  let drawing = null;
  // Places near the measure's own geometry when it has one, else near what the map shows.
  const places = featurePicker(ctx, {
    kind: 'places', name: 'placeIds', legend: t('form.places'), selected: p.placeIds,
    near: () => drawing?.bounds() || ctx.map.getBounds(),
  });
  const fields = {
    title: textInput('title', t('form.title'), p.title, { required: true, maxlength: 200 }),
    description: textInput('description', t('form.description'), p.description, { rows: 3 }),
    type: choiceInput('type', t('form.type'), 'measureTypes', p.type),
    owner: choiceInput('owner', t('form.owner'), 'measureOwners', p.owner),
    status: choiceInput('status', t('form.status'), 'measureStatuses', p.status),
    rejectionReason: textInput('rejectionReason', t('form.rejectionReason'), p.rejectionReason, { rows: 2, optional: true }),
    // Goes into the measure's public timeline with the new status (or as an update on the work).
    statusNote: textInput('statusNote', t('form.statusNote'), '', { rows: 2, maxlength: 1000, optional: true }),
    plannedStart: dateInput('plannedStart', t('form.plannedStart'), p.plannedStart),
    plannedEnd: dateInput('plannedEnd', t('form.plannedEnd'), p.plannedEnd),
    completedOn: dateInput('completedOn', t('form.completedOn'), p.completedOn),
    placeIds: places,
    commitmentIds: commitmentPicker(p.commitmentIds || []),
  };
  const geometryError = el('p', { class: 'field-error', hidden: true });
  fields.geometry = { error: geometryError };
  const statusesError = el('p', { class: 'field-error', hidden: true });
  fields.placeStatuses = { error: statusesError };
  const summary = errorSummary();

  // Closing the loop: a measure marked done offers each of its places a new status, saved with it.
  // "Åtgärdad" is chosen when the measure becomes done now; for one done before, nothing changes
  // unless the planner says so.
  const wasDone = p.status === 'done';
  const placeStatuses = el('fieldset', { class: 'field place-statuses', dataset: { field: 'placeStatuses' }, hidden: true });
  const chosenStatuses = () => Object.fromEntries([...placeStatuses.querySelectorAll('fieldset[data-place]')]
    .map((group) => [group.dataset.place, group.querySelector('input:checked')?.value ?? '']));
  const showPlaceStatuses = () => {
    const before = chosenStatuses();
    const items = places.items();
    placeStatuses.hidden = fields.status.input.value !== 'done' || items.length === 0;
    if (placeStatuses.hidden) return;
    replace(placeStatuses,
      el('legend', {}, t('form.placeStatuses')),
      el('p', { class: 'meta' }, t('form.placeStatusesHint')),
      items.map((item) => {
        const now = item.data?.properties.status;
        const chosen = before[item.id] ?? (wasDone || now === 'resolved' ? '' : 'resolved');
        const name = fieldId('place-status');
        return el('fieldset', { class: 'place-status', dataset: { place: item.id } },
          el('legend', {}, item.label ?? `#${item.id}`,
            now ? el('span', { class: 'meta' },
              ` ${t('form.placeStatusNow', { status: label('placeStatuses', now) })}`) : null),
          PLACE_STATUS_CHOICES.map((value) => {
            const id = `${name}-${value || 'unchanged'}`;
            return el('div', { class: 'check' },
              el('input', { type: 'radio', name, id, value, checked: value === chosen }),
              el('label', { for: id }, value ? label('placeStatuses', value) : t('form.placeStatusUnchanged')));
          }));
      }),
      statusesError);
  };

  // The dates that go with the status: a rejection reason when rejected, a completion date when done.
  const showStatusFields = () => {
    const status = fields.status.input.value;
    fields.rejectionReason.node.hidden = status !== 'rejected';
    fields.completedOn.node.hidden = status !== 'done';
    showPlaceStatuses();
  };
  fields.status.input.addEventListener('change', showStatusFields);
  places.onChange(showPlaceStatuses);
  showStatusFields();

  // Clicking a place on the map adds it to the measure or takes it away.
  const pickPlaces = (kind, id) => {
    if (kind !== 'place') return kind === 'district';
    const known = ctx.store.cached('places', id);
    places.toggle(known ? featureItem('places', known) : { id });
    return true;
  };
  const { tool, controls, close, form } = drawnFeature(ctx, feature?.properties.ownGeometry, {
    idleIntercept: pickPlaces,
    cleanUp: () => {
      places.destroy();
      fields.commitmentIds.destroy();
    },
  });
  drawing = tool;

  const save = (event) => {
    const properties = readAll(fields);
    const { status } = properties;
    const linked = fields.placeIds.values();
    const statuses = status === 'done' ? Object.fromEntries(Object.entries(chosenStatuses())
      .filter(([id, choice]) => choice && linked.includes(id))) : {};
    // A rejection reason goes with a rejected measure only, a completion date with a done one.
    if (status !== 'rejected') properties.rejectionReason = null;
    if (status !== 'done') properties.completedOn = null;
    const body = {
      type: 'Feature',
      geometry: tool.geometry(),
      properties: { ...properties, published: publishes(event), placeStatuses: statuses },
    };
    const moved = Object.keys(statuses).length;
    return saveFeature(ctx, {
      kind: 'measures', route: 'measure', feature, etag, body, summary, fields, close, submitter: event.submitter,
      title: (saved) => saved.properties.title,
      savedText: (saved) => (moved ? t('planner.savedWithPlaces', { name: saved.properties.title, count: moved })
        : t('planner.saved', { name: saved.properties.title })),
      fetch: api.measure,
      reopen: (fresh) => measureForm(ctx, { feature: fresh.data, etag: fresh.etag }),
    });
  };

  const formNode = form(save,
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
    placeStatuses,
    el('fieldset', { class: 'field geometry', dataset: { field: 'geometry' } },
      el('legend', {}, t('form.ownGeometry')), controls.node, geometryError),
    fields.commitmentIds.node,
    fields.description.node,
    saveButtons(feature, close));

  return [el('h2', { id: 'panel-title', tabindex: '-1' },
    feature ? `${t('planner.edit')}: ${p.title}` : t('planner.newMeasure')), formNode];
}
