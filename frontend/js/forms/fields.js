// Form fields with labels, and the server's validation errors shown beside the field they concern. Shared by
// every form (planners' map forms, the follow-up's promises and commitments, the admin page); inputs.js
// declares the fields of a form with these.
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';

let counter = 0;

/** An id no other field of the page has. */
export function fieldId(name) {
  counter += 1;
  return `f-${name}-${counter}`;
}

/** A labelled input, textarea or select; returns { node, input, error }. */
export function field(name, label, control, { required = false } = {}) {
  const id = fieldId(name);
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  control.id = id;
  control.name = name;
  if (required) control.required = true;
  control.setAttribute('aria-describedby', error.id);
  const node = el('div', { class: 'field', dataset: { field: name } },
    el('label', { for: id }, label, required ? el('span', { class: 'required' }, ` ${t('form.required')}`) : null),
    control, error);
  return { node, input: control, error };
}

export function select(values, labelOf, selected) {
  return el('select', {}, values.map((value) => el('option', { value, selected: value === selected }, labelOf(value))));
}

/** The charset of a CSV file to import: UTF-8 (or what its byte order mark says) unless chosen. */
export function charsetSelect(id) {
  const control = select(['', 'windows-1252'], (charset) => t(`import.charset.${charset || 'utf8'}`), '');
  control.id = id;
  return [el('label', { for: id }, t('import.charset')), control];
}

/** A group of checkboxes in a fieldset; returns { node, values(), error }. */
export function checkboxes(name, legend, values, labelOf, checked) {
  const id = fieldId(name);
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const boxes = values.map((value) => el('input', { type: 'checkbox', id: `${id}-${value}`, value,
    checked: checked.includes(value) }));
  const node = el('fieldset', { class: 'field checkboxes', dataset: { field: name }, 'aria-describedby': error.id },
    el('legend', {}, legend),
    boxes.map((box, i) => el('div', { class: 'check' }, box, el('label', { for: box.id }, labelOf(values[i])))),
    error);
  return { node, error, values: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

/**
 * Shows a failed save: each error beside its field (by the problem's field path), the rest in the
 * summary at the top of the form. Returns the errors that concern the geometry.
 */
export function showErrors(summary, fields, apiError) {
  Object.values(fields).forEach((f) => {
    f.error.hidden = true;
    f.input?.removeAttribute('aria-invalid');
  });
  // The server writes each reason in the page's language (api.js asks for it): shown as it comes.
  const errors = apiError.errors.length ? apiError.errors : [{ field: '', reason: apiError.message }];
  const geometryErrors = [];
  const items = errors.map((error) => {
    const name = (error.field || '').replace(/^properties\./, '').replace(/[.[].*$/, '');
    const target = fields[name];
    const label = t(`field.${name}`) === `field.${name}` ? '' : `${t(`field.${name}`)}: `;
    if (name === 'geometry') geometryErrors.push(error);
    if (target) {
      target.error.hidden = false;
      replace(target.error, error.reason);
      target.input?.setAttribute('aria-invalid', 'true');
    }
    return el('li', {}, label, error.reason);
  });
  replace(summary, el('p', {}, t('planner.errors')), el('ul', {}, items));
  summary.hidden = false;
  summary.focus();
  return geometryErrors;
}
