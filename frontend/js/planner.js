// The planners' page: the same map, plus drawing and editing places and measures.
import { api, session } from './api.js';
import { startApp } from './app.js';
import { accountBar } from './accountBar.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { local } from './municipality.js';
import { historySection } from './planner/history.js';
import { measureForm } from './planner/measureForm.js';
import { placeForm } from './planner/placeForm.js';
import { activityForm, stopActions } from './planner/activityForm.js';
import { incidentTools } from './planner/incidents.js';
import { exportMenu } from './planner/exports.js';
import { importForm } from './planner/importForm.js';
import { reportCounter } from './planner/reports.js';

const me = await session();
if (!me.authenticated) {
  location.assign('/login');
}

document.getElementById('account').replaceChildren(...accountBar(me).filter(Boolean));

// Deleting takes two steps, so a slip of the finger removes nothing.
function deleteButton(ctx, kind, feature, name) {
  const confirm = el('button', {
    type: 'button', class: 'button danger', hidden: true,
    onclick: async () => {
      const { etag } = await { places: api.place, measures: api.measure, activities: api.activity }[kind](feature.id);
      await api.remove(kind, feature.id, etag);
      await ctx.reload();
      ctx.announce(t('planner.deleted', { name }));
      ctx.go({});
    },
  }, t('planner.confirmDelete', { name }));
  const ask = el('button', {
    type: 'button', class: 'button secondary',
    onclick: () => { confirm.hidden = false; confirm.focus(); },
  }, t('planner.delete'));
  return [ask, confirm];
}

// Drafts are seen by staff only; publishing one (or taking one back) is a step of its own, under the
// item's ETag, that sends nothing else.
function publishButton(ctx, kind, feature, name) {
  const published = feature.properties.published !== false;
  return el('button', {
    type: 'button', class: 'button secondary', dataset: { action: published ? 'unpublish' : 'publish' },
    onclick: async () => {
      const { etag } = await { places: api.place, measures: api.measure }[kind](feature.id);
      await api.publish(kind, feature.id, !published, etag);
      await ctx.reload();
      ctx.announce(t(published ? 'planner.unpublished' : 'planner.published', { name }));
      document.getElementById('panel-title')?.focus();
    },
  }, t(published ? 'planner.unpublish' : 'planner.publish'));
}

const toolbar = (ctx) => [el('div', { class: 'toolbar buttons' },
  el('button', { type: 'button', class: 'button', dataset: { action: 'new-place' }, onclick: () => ctx.show(placeForm(ctx)) },
    t('planner.newPlace')),
  el('button', { type: 'button', class: 'button', dataset: { action: 'new-measure' }, onclick: () => ctx.show(measureForm(ctx)) },
    t('planner.newMeasure')),
  ['safety_walk', 'dialogue', 'police_operation'].map((kind) => el('button', {
    type: 'button', class: 'button secondary', dataset: { action: `new-${kind}` },
    onclick: () => ctx.show(activityForm(ctx, { kind })),
  }, t({ safety_walk: 'planner.newWalk', dialogue: 'planner.newDialogue', police_operation: 'planner.newOperation' }[kind]))),
  el('button', { type: 'button', class: 'button secondary', dataset: { action: 'import' }, onclick: () => ctx.show(importForm(ctx)) },
    t('planner.import')),
  el('a', { href: local('/uppfoljning'), class: 'follow-up-link' }, t('followup.title')))];

// The police see incidents here; only planners (and admins) edit. Roles count in the page's municipality:
// staff of another one see it as the public does, and a link to their own.
const canEdit = me.rolesHere.includes('planner');
const staffHere = canEdit || me.rolesHere.includes('police');
const readOnly = { place: () => [], measure: () => [], activity: () => [] };
const elsewhere = () => [el('p', { class: 'notice', role: 'status' }, t('planner.notHere'), ' ',
  el('a', { href: me.planningPage }, t('planner.toOwnPlanning')))];

const ctx = await startApp({
  extras: !staffHere ? { ...readOnly, home: elsewhere, district: elsewhere } : !canEdit ? {
    ...readOnly,
    home: (app) => [exportMenu(app), ...incidentTools(app, { canEdit })],
    district: (app) => incidentTools(app, { canEdit }),
  } : {
    home: (ctx) => [...toolbar(ctx), exportMenu(ctx), ...incidentTools(ctx, { canEdit })],
    district: (ctx) => [...toolbar(ctx), ...incidentTools(ctx, { canEdit })],
    place: (ctx, feature) => [
      el('div', { class: 'buttons' },
        el('button', {
          type: 'button', class: 'button', dataset: { action: 'edit' },
          onclick: async () => {
            const fresh = await api.place(feature.id);
            ctx.show(placeForm(ctx, { feature: fresh.data, etag: fresh.etag }));
          },
        }, t('planner.edit')),
        el('button', {
          type: 'button', class: 'button secondary',
          onclick: () => ctx.show(measureForm(ctx, { placeIds: [feature.id] })),
        }, t('planner.newMeasureForPlace')),
        publishButton(ctx, 'places', feature, feature.properties.name),
        deleteButton(ctx, 'places', feature, feature.properties.name)),
      historySection('places', feature.id)],
    measure: (ctx, feature) => [
      el('div', { class: 'buttons' },
        el('button', {
          type: 'button', class: 'button', dataset: { action: 'edit' },
          onclick: async () => {
            const fresh = await api.measure(feature.id);
            ctx.show(measureForm(ctx, { feature: fresh.data, etag: fresh.etag }));
          },
        }, t('planner.edit')),
        publishButton(ctx, 'measures', feature, feature.properties.title),
        deleteButton(ctx, 'measures', feature, feature.properties.title)),
      historySection('measures', feature.id)],
    activity: (ctx, feature) => [
      ...stopActions(ctx, feature),
      el('div', { class: 'buttons' },
        el('button', {
          type: 'button', class: 'button', dataset: { action: 'edit' },
          onclick: async () => {
            const fresh = await api.activity(feature.id);
            ctx.show(activityForm(ctx, { kind: feature.properties.kind, feature: fresh.data, etag: fresh.etag }));
          },
        }, t('planner.edit')),
        deleteButton(ctx, 'activities', feature, feature.properties.title)),
      historySection('activities', feature.id)],
  },
});

// Planners moderate their municipality's reports: the count of waiting ones opens the queue.
if (canEdit) reportCounter(ctx);
