// Create or edit an unsafe place: draw it on the map, describe it, save it as a draft or publish it.
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { choiceInput, choicesInput, readAll, textInput } from '../forms/inputs.js';
import { errorSummary } from '../forms/saving.js';
import { drawnFeature } from './featureForm.js';
import { publishes, saveButtons, saveFeature } from './saving.js';

export function placeForm(ctx, { feature = null, etag = null } = {}) {
  const p = feature?.properties || { reasons: [], source: 'safety_walk', status: 'open' };
  const fields = {
    name: textInput('name', t('form.name'), p.name, { required: true, maxlength: 200 }),
    description: textInput('description', t('form.description'), p.description, { rows: 3 }),
    reasons: choicesInput('reasons', t('form.reasons'), 'placeReasons', p.reasons),
    source: choiceInput('source', t('form.source'), 'placeSources', p.source),
    status: choiceInput('status', t('form.placeStatus'), 'placeStatuses', p.status),
  };
  const geometryError = el('p', { class: 'field-error', hidden: true });
  fields.geometry = { error: geometryError };
  const summary = errorSummary();

  const { tool, controls, close, form } = drawnFeature(ctx, feature?.geometry);

  const save = (event) => saveFeature(ctx, {
    kind: 'places', route: 'place', feature, etag, summary, fields, close, submitter: event.submitter,
    body: { type: 'Feature', geometry: tool.geometry(), properties: { ...readAll(fields), published: publishes(event) } },
    title: (saved) => saved.properties.name,
    fetch: api.place,
    reopen: (fresh) => placeForm(ctx, { feature: fresh.data, etag: fresh.etag }),
  });

  const formNode = form(save,
    summary,
    fields.name.node,
    el('fieldset', { class: 'field geometry', dataset: { field: 'geometry' } },
      el('legend', {}, t('form.geometry'), el('span', { class: 'required' }, ` ${t('form.required')}`)),
      controls.node, geometryError),
    fields.reasons.node,
    fields.source.node,
    fields.status.node,
    fields.description.node,
    saveButtons(feature, close));

  return [el('h2', { id: 'panel-title', tabindex: '-1' },
    feature ? `${t('planner.edit')}: ${p.name}` : t('planner.newPlace')), formNode];
}
