// Sending a form, and what the person sees when it fails: each reason beside its field, or that
// someone else saved first (412) with a way to reload, or that the session has ended.
import { ApiError, api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { showErrors } from './fields.js';

/**
 * Creates (without id) or updates an item of {@code kind}, or makes another change of one
 * ({@code send}, e.g. a moderation). {@code onRejected} gets the errors that concern a geometry, for a
 * map to mark. When someone else changed the item first, {@code onConflict} (if given) shows it, else
 * the form says so with a way to reload.
 */
export async function save({ kind, id, etag, feature, summary, fields, onSaved, onReload, type, submitter,
  onRejected = () => {}, send = null, onConflict = null }) {
  const done = busy(summary, submitter);
  try {
    const result = send ? await send()
      : id ? await api.update(kind, id, feature, etag, type) : await api.create(kind, feature, type);
    await onSaved(result.data);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 412 && onConflict) {
      await onConflict();
    } else if (error.status === 412) {
      replace(summary,
        el('p', {}, t('planner.conflict')),
        el('button', { type: 'button', class: 'button', onclick: onReload }, t('planner.reload')));
      summary.hidden = false;
      summary.focus();
    } else if (error.status === 401) {
      replace(summary, el('p', {}, t('planner.sessionExpired')), el('a', { href: '/login' }, t('app.login')));
      summary.hidden = false;
      summary.focus();
    } else {
      onRejected(showErrors(summary, fields, error));
    }
  } finally {
    done();
  }
}

// While a save is under way, its form says so at once (on the button that sent it) and cannot be
// sent twice.
function busy(summary, submitter) {
  const form = summary.closest('form');
  const buttons = [...(form?.querySelectorAll('button[type="submit"]') || [])];
  const button = submitter || buttons[0];
  if (!button) return () => {};
  const label = button.textContent;
  buttons.forEach((b) => { b.disabled = true; });
  button.textContent = t('form.saving');
  form.setAttribute('aria-busy', 'true');
  return () => {
    buttons.forEach((b) => { b.disabled = false; });
    button.textContent = label;
    form.removeAttribute('aria-busy');
  };
}

/** The box at the top of a form where a failed save says what went wrong. */
export function errorSummary() {
  return el('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
}

/** Save and cancel, at the end of a form. */
export function formButtons(onCancel) {
  return el('div', { class: 'buttons' },
    el('button', { type: 'submit', class: 'button' }, t('form.save')),
    el('button', { type: 'button', class: 'button secondary', onclick: () => onCancel() }, t('form.cancel')));
}
