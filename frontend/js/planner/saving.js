// Saving a place, a measure or an activity from the map: the spot of a geometry error marked on the
// map, the saved item shown, the buttons that save as a draft or publish.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { save } from '../forms/saving.js';

const L = window.L;

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
  clearErrorMarkers(ctx);
  return save({
    kind, id: feature?.id, etag, feature: body, summary, fields, submitter,
    onRejected: (geometryErrors) => geometryErrors.filter((e) => e.position).forEach((e) => markError(ctx, e)),
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

export function clearErrorMarkers(ctx) {
  ctx.errorMarkers?.clearLayers();
}
