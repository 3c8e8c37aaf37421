// Each field of a form declared once: its label, its input, how its value is read for the request,
// and where the server's reason for refusing it shows (showErrors finds the field by its name, the
// property's name in the API). The place, measure, activity, promise and commitment forms are each a
// list of these, and readAll(fields) is their request body's properties.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { options } from '../vocabulary.js';
import { checkboxes, field, fieldId, select } from './fields.js';

const blank = (control) => control.value.trim() === '';

/** A served vocabulary's name, or [{ value, label }] for choices of another kind (districts). */
function choicesOf(choices) {
  return typeof choices === 'string' ? options(choices) : choices;
}

/**
 * Text, one line or (with rows) several. Read as typed; an optional one reads null when left blank
 * (so that, e.g., no rejection reason is sent).
 */
export function textInput(name, label, value, { required = false, optional = false, maxlength = null, rows = null } = {}) {
  const control = rows ? el('textarea', { rows, maxlength }, value || '')
    : el('input', { value: value || '', maxlength });
  return { ...field(name, label, control, { required }),
    read: () => (optional && blank(control) ? null : control.value) };
}

/** A date (YYYY-MM-DD), or null when left empty. */
export function dateInput(name, label, value, { required = false } = {}) {
  const control = el('input', { type: 'date', value: value || '' });
  return { ...field(name, label, control, { required }), read: () => (blank(control) ? null : control.value) };
}

/** A whole number, or {@code empty} when left empty. */
export function numberInput(name, label, value, { required = false, min = null, empty = null } = {}) {
  const control = el('input', { type: 'number', min, value: value ?? '' });
  return { ...field(name, label, control, { required }), read: () => (blank(control) ? empty : Number(control.value)) };
}

/** Yes or no, as a checkbox. */
export function checkInput(name, label, checked) {
  const control = el('input', { type: 'checkbox', checked: Boolean(checked) });
  return { ...field(name, label, control), read: () => control.checked };
}

/**
 * One of a vocabulary's terms (or of other choices), as a select in the vocabulary's order. With
 * {@code none}, a first choice "–" that reads null.
 */
export function choiceInput(name, label, choices, value, { none = false } = {}) {
  const list = [...(none ? [{ value: '', label: t('form.none') }] : []), ...choicesOf(choices)];
  const labels = new Map(list.map((choice) => [choice.value, choice.label]));
  const control = select(list.map((choice) => choice.value), (code) => labels.get(code), value ?? '');
  return { ...field(name, label, control), read: () => (control.value === '' ? null : control.value) };
}

/** Any number of a vocabulary's terms (or of other choices), as checkboxes; read as the chosen codes. */
export function choicesInput(name, legend, choices, checked) {
  const list = choicesOf(choices);
  const labels = new Map(list.map((choice) => [choice.value, choice.label]));
  const boxes = checkboxes(name, legend, list.map((choice) => choice.value), (code) => labels.get(code), checked || []);
  return { ...boxes, read: boxes.values };
}

/**
 * A count for each term of a vocabulary (participants per group), as number fields in a fieldset;
 * read as { code: count } for those filled in.
 */
export function countsInput(name, legend, vocabulary, counts) {
  const id = fieldId(name);
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const inputs = options(vocabulary).map((choice) => ({
    code: choice.value,
    ...field(`${name}.${choice.value}`, choice.label,
      el('input', { type: 'number', min: 0, value: counts?.[choice.value] ?? '' })),
  }));
  const node = el('fieldset', { class: `field ${name}`, dataset: { field: name }, 'aria-describedby': error.id },
    el('legend', {}, legend), inputs.map((input) => input.node), error);
  return {
    node,
    error,
    input: inputs[0]?.input,
    read: () => Object.fromEntries(inputs.filter((input) => !blank(input.input))
      .map((input) => [input.code, Number(input.input.value)])),
  };
}

/** Every declared field's value by its name: what a form sends. Fields that read nothing (a geometry's error) are left out. */
export function readAll(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, f]) => f?.read).map(([name, f]) => [name, f.read()]));
}
