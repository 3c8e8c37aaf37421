// Saving a place or a measure, and what the planner sees when it fails: field errors, the spot of
// a geometry error on the map, or that someone else saved first (412) with a way to reload.
import { ApiError, api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { showErrors } from './fields.js';

const L = window.L;

export async function save(ctx, { kind, id, etag, feature, summary, fields, onSaved, onReload, type, submitter }) {
  ctx.errorMarkers?.clearLayers();
  const done = busy(summary, submitter);
  try {
    const result = id ? await api.update(kind, id, feature, etag, type) : await api.create(kind, feature, type);
    await onSaved(result.data);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 412) {
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
      showErrors(summary, fields, error).filter((e) => e.position).forEach((e) => markError(ctx, e));
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

// The spot a geometry error concerns, e.g. where a polygon intersects itself.
function markError(ctx, error) {
  if (!ctx.map) return;
  if (!ctx.errorMarkers) ctx.errorMarkers = L.layerGroup().addTo(ctx.map);
  const [lon, lat] = error.position;
  L.circleMarker([lat, lon], { radius: 10, color: '#a4000f', weight: 3, fillOpacity: 0.3 })
    .bindTooltip(el('span', {}, error.reason), { permanent: true, direction: 'top', className: 'map-error' })
    .addTo(ctx.errorMarkers);
}

/**
 * Saves a Feature from one of the planner's map forms: on success the panel shows the saved item;
 * when someone else saved first, "reload" opens the form again on the fresh version.
 */
export function saveFeature(ctx, { kind, route, feature, etag, body, summary, fields, title, fetch, reopen, close,
  submitter, savedText = (saved) => t('planner.saved', { name: title(saved) }) }) {
  return save(ctx, {
    kind, id: feature?.id, etag, feature: body, summary, fields, submitter,
    onSaved: async (saved) => {
      await ctx.reload();
      ctx.announce(savedText(saved));
      close({ [route]: saved.id });
    },
    onReload: async () => {
      const fresh = await fetch(feature.id);
      close();
      await ctx.reload();
      ctx.show(reopen(fresh));
    },
  });
}

/**
 * The buttons that end a place's or a measure's form: save as a draft (seen by staff only) or
 * publish. The first is what Enter in a field does: for a new item or a draft, keep it a draft, so
 * that a crime-exposed place is never public the moment it is typed in; for a published item, save
 * it as it is. {@link publishes} tells which one sent the form.
 */
export function saveButtons(feature, onCancel) {
  const published = Boolean(feature) && feature.properties.published !== false;
  const button = (publish, label, primary) => el('button', {
    type: 'submit', class: primary ? 'button' : 'button secondary', dataset: { publish: String(publish) },
  }, label);
  return el('div', { class: 'buttons' },
    published
      ? [button(true, t('form.save'), true), button(false, t('form.unpublishAndSave'), false)]
      : [button(false, t(feature ? 'form.saveDraft' : 'form.saveAsDraft'), true),
        button(true, t('form.saveAndPublish'), false)],
    el('button', { type: 'button', class: 'button secondary', onclick: () => onCancel() }, t('form.cancel')));
}

/** Whether the button that sent the form (the first when Enter did) publishes the item. */
export function publishes(event) {
  const button = event.submitter || event.target.querySelector('button[type="submit"]');
  return button?.dataset.publish === 'true';
}

/** Save and cancel, at the end of a form. */
export function formButtons(onCancel) {
  return el('div', { class: 'buttons' },
    el('button', { type: 'submit', class: 'button' }, t('form.save')),
    el('button', { type: 'button', class: 'button secondary', onclick: () => onCancel() }, t('form.cancel')));
}

export function clearErrorMarkers(ctx) {
  ctx.errorMarkers?.clearLayers();
}
