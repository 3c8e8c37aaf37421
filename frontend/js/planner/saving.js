// Saving a place or a measure, and what the planner sees when it fails: field errors, the spot of
// a geometry error on the map, or that someone else saved first (412) with a way to reload.
import { ApiError, api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { serverText, showErrors } from './fields.js';

const L = window.L;

export async function save(ctx, { kind, id, etag, feature, summary, fields, onSaved, onReload, type }) {
  ctx.errorMarkers?.clearLayers();
  const done = busy(summary);
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

// While a save is under way, its form says so at once and cannot be sent twice.
function busy(summary) {
  const form = summary.closest('form');
  const button = form?.querySelector('button[type="submit"]');
  if (!button) return () => {};
  const label = button.textContent;
  button.disabled = true;
  button.textContent = t('form.saving');
  form.setAttribute('aria-busy', 'true');
  return () => {
    button.disabled = false;
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
    .bindTooltip(serverText(error.reason), { permanent: true, direction: 'top', className: 'map-error' })
    .addTo(ctx.errorMarkers);
}

/**
 * Saves a Feature from one of the planner's map forms: on success the panel shows the saved item;
 * when someone else saved first, "reload" opens the form again on the fresh version.
 */
export function saveFeature(ctx, { kind, route, feature, etag, body, summary, fields, title, fetch, reopen, close }) {
  return save(ctx, {
    kind, id: feature?.id, etag, feature: body, summary, fields,
    onSaved: async (saved) => {
      await ctx.reload();
      ctx.announce(t('planner.saved', { name: title(saved) }));
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

/** Save and cancel, at the end of a form. */
export function formButtons(onCancel) {
  return el('div', { class: 'buttons' },
    el('button', { type: 'submit', class: 'button' }, t('form.save')),
    el('button', { type: 'button', class: 'button secondary', onclick: () => onCancel() }, t('form.cancel')));
}

export function clearErrorMarkers(ctx) {
  ctx.errorMarkers?.clearLayers();
}
