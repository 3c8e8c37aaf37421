// The planners' moderation queue: residents' reports (tips), each with its pin on the map, and what
// a planner does with one: approve it as a new place, merge it into a place, reject it, or take
// personal data out of its text. Every action is sent under the report's ETag: when another planner
// was first, the page says so and shows the report as it now is, never overwriting their decision.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { formatDateTime, onLanguageChange, t, tn } from '../i18n.js';
import { choiceInput, choicesInput, readAll, textInput } from '../forms/inputs.js';
import { errorSummary, save } from '../forms/saving.js';
import { select } from '../forms/fields.js';
import { codes, label } from '../vocabulary.js';
import { anchorOf, boundsOf } from '../map.js';
import { failureText } from '../ui/unavailable.js';
import { drawnFeature } from './featureForm.js';
import { featureItem, featurePicker } from './picker.js';
import { historySection } from './history.js';
import { facts } from '../ui/facts.js';

const L = window.L;
const PAGE = 50;

// The reports' pins: a marker of their own (a speech bubble), on the map while the queue or a report
// is in the panel.
function pins(ctx) {
  if (!ctx.reportPins) {
    const layer = L.layerGroup().addTo(ctx.map);
    const panel = document.getElementById('panel-content');
    new MutationObserver(() => {
      if (!panel.querySelector('[data-reports]')) layer.clearLayers();
    }).observe(panel, { childList: true });
    ctx.reportPins = {
      show(reports, chosen = null) {
        layer.clearLayers();
        reports.filter((report) => report.location).forEach((report) => {
          const name = t('reports.pin', { number: report.number, status: label('reportStatuses', report.status) });
          L.marker(anchorOf(report.location), {
            icon: L.divIcon({
              className: report.id === chosen ? 'report-marker chosen' : 'report-marker',
              html: el('span', { 'aria-hidden': 'true' }, '!'),
              iconSize: [30, 30],
              iconAnchor: [15, 30],
            }),
            title: name,
            keyboard: true,
            zIndexOffset: report.id === chosen ? 1000 : 0,
          }).on('click', () => openReport(ctx, report.id)).addTo(layer);
        });
      },
    };
  }
  return ctx.reportPins;
}

/**
 * The count of waiting reports in the staff header ("Tips 3"), which opens the queue; {@code ctx.reportCount()}
 * asks for it again (after each action).
 */
export function reportCounter(ctx) {
  const number = el('span', { class: 'badge' }, '–');
  const button = el('button', {
    type: 'button', class: 'plain report-count', id: 'report-count',
    onclick: () => showQueue(ctx),
  }, el('span', { class: 'report-count-word', dataset: { i18n: 'reports.count' } }, t('reports.count')), ' ', number);
  let count = null;
  const name = () => {
    button.setAttribute('aria-label', count === null ? t('reports.count')
      : tn('reports.countName', count, { word: t('reports.count') }));
  };
  ctx.reportCount = async () => {
    try {
      count = (await api.reports({ status: 'received', limit: 1 })).count;
      number.textContent = String(count);
    } catch {
      count = null;
      number.textContent = '–';
    }
    name();
  };
  onLanguageChange(name);
  const nav = document.querySelector('.topnav');
  nav.insertBefore(button, document.getElementById('account'));
  ctx.reportCount();
  return button;
}

/** Shows the queue in the panel: reports of one status (waiting at first), newest first. */
export function showQueue(ctx, { status = 'received', focusFilter = false } = {}) {
  ctx.show(queueView(ctx, status));
  if (focusFilter) document.getElementById('report-status')?.focus();
}

const summaryOf = (report) => {
  const text = report.text || report.place || (report.reasons || []).map((r) => label('placeReasons', r)).join(', ');
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
};

function districtName(ctx, slug) {
  return ctx.data.neighbourhoods.features.find((f) => f.properties.slug === slug)?.properties.name || slug;
}

// Where the report is: its pin, or the district and the words of a report made without one.
function whereOf(ctx, report) {
  if (report.location) return t('reports.pinned');
  return [report.neighbourhood ? districtName(ctx, report.neighbourhood) : null, report.place].filter(Boolean)
    .join(': ') || t('reports.nowhere');
}

function duplicateHint(report) {
  return report.nearbyReports ? tn('reports.nearbyReports', report.nearbyReports) : null;
}

function queueView(ctx, status) {
  const list = el('ol', { class: 'report-list' }, el('li', {}, t('app.loading')));
  const shownCount = el('p', { class: 'meta', role: 'status' });
  const more = el('button', { type: 'button', class: 'button secondary', hidden: true }, t('reports.more'));
  const filter = select([...codes('reportStatuses'), ''],
    (code) => (code ? label('reportStatuses', code) : t('reports.allStatuses')), status);
  filter.id = 'report-status';
  filter.addEventListener('change', () => showQueue(ctx, { status: filter.value, focusFilter: true }));
  let shown = [];

  const item = (report) => el('li', { class: 'report-item', dataset: { report: report.id } },
    el('button', { type: 'button', class: 'link', onclick: () => openReport(ctx, report.id) },
      `${report.number}: ${summaryOf(report)}`),
    el('p', { class: 'meta' }, [formatDateTime(report.receivedAt), label('reportStatuses', report.status),
      whereOf(ctx, report), duplicateHint(report)].filter(Boolean).join(' · ')));

  const load = async (offset) => {
    try {
      const page = await api.reports({ status, limit: PAGE, offset });
      shown = offset ? shown.concat(page.reports) : page.reports;
      replace(list, shown.length ? shown.map(item) : el('li', {}, t('reports.none')));
      shownCount.textContent = t('reports.showing', { shown: shown.length, count: page.count });
      more.hidden = shown.length >= page.count;
      pins(ctx).show(shown);
      const pinned = shown.filter((r) => r.location);
      if (pinned.length) {
        ctx.map.fitBounds(boundsOf({ type: 'GeometryCollection', geometries: pinned.map((r) => r.location) }),
          { maxZoom: 16, padding: [24, 24] });
      }
    } catch (error) {
      replace(list, el('li', { class: 'error' }, failureText(error)));
    }
  };
  more.addEventListener('click', () => load(shown.length));
  load(0);

  return el('div', { class: 'report-queue', dataset: { reports: 'queue' } },
    el('h2', { id: 'panel-title', tabindex: '-1' }, t('reports.heading')),
    el('p', {}, t('reports.intro')),
    el('div', { class: 'field' }, el('label', { for: filter.id }, t('reports.status')), filter),
    shownCount, list, more,
    el('button', { type: 'button', class: 'button secondary', onclick: () => ctx.go({}) }, t('reports.close')));
}

/**
 * Opens one report in the panel, fetched afresh, the map at its pin; {@code notice} says above it
 * what just happened (another planner was first) and {@code announce} tells screen readers.
 */
export async function openReport(ctx, id, { notice = null, announce = null } = {}) {
  let fresh;
  let nearby;
  try {
    [fresh, nearby] = await Promise.all([api.report(id), api.reportPlaces(id)]);
  } catch (error) {
    ctx.show([el('h2', { id: 'panel-title', tabindex: '-1' }, t('reports.heading')),
      el('p', { class: 'error', role: 'alert' }, failureText(error))]);
    return;
  }
  const report = fresh.data;
  ctx.show(reportView(ctx, report, fresh.etag, nearby.features, notice));
  if (announce) ctx.announce(announce);
  pins(ctx).show([report], report.id);
  const district = ctx.data.neighbourhoods.features.find((f) => f.properties.slug === report.neighbourhood);
  const target = report.location || district?.geometry;
  if (target) ctx.map.fitBounds(boundsOf(target), { maxZoom: 17, padding: [24, 24] });
}

function reportView(ctx, report, etag, nearby, notice) {
  const actions = el('div', { class: 'report-action' });
  const waiting = report.status === 'received';
  const open = (action) => {
    replace(actions, moderationForm(ctx, report, etag, action, FORMS[action](ctx, report, nearby)));
    actions.querySelector('h3')?.focus();
  };
  const place = report.placeId ? el('a', { href: ctx.href({ place: report.placeId }) },
    t('reports.toPlace', { id: report.placeId })) : null;
  return el('article', { class: 'report-detail', dataset: { reports: 'report', report: report.id, status: report.status } },
    el('h2', { id: 'panel-title', tabindex: '-1' }, t('reports.title', { number: report.number })),
    notice ? el('p', { class: 'notice conflict', role: 'alert' }, notice) : null,
    el('button', { type: 'button', class: 'link', onclick: () => showQueue(ctx) }, t('reports.back')),
    facts([
      [t('reports.status'), label('reportStatuses', report.status)],
      [t('reports.rejection'), report.rejection ? label('reportRejections', report.rejection) : null],
      [t('reports.received'), formatDateTime(report.receivedAt)],
      [t('reports.closed'), report.closedAt ? formatDateTime(report.closedAt) : null],
      [t('reports.where'), whereOf(ctx, report)],
      [t('reports.reasons'), (report.reasons || []).map((r) => label('placeReasons', r)).join(', ')],
      [t('reports.when'), (report.when || []).map((w) => label('reportTimes', w)).join(', ')],
      [t('reports.text'), report.text ? el('q', { class: 'report-text' }, report.text) : t('reports.noText')],
      [t('reports.email'), t(report.hasEmail ? 'reports.emailYes' : 'reports.emailNo')],
      [t('reports.note'), report.note],
      [t('reports.became'), place]]),
    duplicateHint(report) ? el('p', { class: 'notice duplicate-hint' }, duplicateHint(report)) : null,
    el('section', { class: 'nearby-places' },
      el('h3', {}, t('reports.nearbyPlaces')),
      nearby.length ? el('ul', {}, nearby.map((feature) => {
        const placeItem = featureItem('places', feature);
        return el('li', {}, el('a', { href: ctx.href({ place: feature.id }) }, placeItem.label),
          placeItem.meta ? el('span', { class: 'meta' }, ` ${placeItem.meta}`) : null);
      })) : el('p', {}, t(report.location ? 'reports.noNearbyPlaces' : 'reports.noPin'))),
    el('div', { class: 'buttons' },
      (waiting ? ['approve', 'merge', 'reject', 'text'] : ['text']).map((action, i) => el('button', {
        type: 'button', class: i === 0 && waiting ? 'button' : 'button secondary', dataset: { action },
        onclick: () => open(action),
      }, t(`reports.${action}Button`)))),
    actions,
    historySection('reports', report.id));
}

/**
 * One moderation form: its heading, the action's fields, the planner's note (why), and send and
 * cancel. The action is sent under the report's ETag; done, the report is shown afresh (and the map
 * and the count with it); refused because another planner was first, the report is shown as they
 * left it.
 */
function moderationForm(ctx, report, etag, action, { fields, nodes = [], body = () => ({}), makeForm = null,
  cleanUp: undo = () => {} }) {
  const summary = errorSummary();
  // The form's tools (drawing, choosing on the map) end with it, however the panel moves on.
  let done = false;
  const cleanUp = () => {
    if (!done) undo();
    done = true;
  };
  const all = { ...fields, note: textInput('note', t('reports.noteLabel'), '', { rows: 2, optional: true, maxlength: 2000 }) };
  const cancel = () => {
    cleanUp();
    openReport(ctx, report.id);
  };
  const send = (event) => save({
    summary, fields: all, submitter: event.submitter,
    send: () => api.moderate(report.id, action, { ...readAll(all), ...body() }, etag),
    onSaved: async () => {
      cleanUp();
      await ctx.reload();
      await ctx.reportCount?.();
      await openReport(ctx, report.id, { announce: t(`reports.${action}Done`) });
    },
    onConflict: async () => {
      cleanUp();
      await ctx.reportCount?.();
      await openReport(ctx, report.id, { notice: t('reports.conflict') });
    },
  });
  const children = [summary, ...Object.values(fields).map((f) => f.node), ...nodes, all.note.node,
    el('div', { class: 'buttons' },
      el('button', { type: 'submit', class: 'button', dataset: { send: action } }, t(`reports.${action}Send`)),
      el('button', { type: 'button', class: 'button secondary', onclick: cancel }, t('form.cancel')))];
  const form = makeForm ? makeForm(send, ...children) : el('form', {
    class: 'edit-form', novalidate: true,
    onsubmit: (event) => { event.preventDefault(); send(event); },
  }, ...children);
  form.dataset.form = action;
  const panel = document.getElementById('panel-content');
  const watch = new MutationObserver(() => {
    if (!form.isConnected) {
      watch.disconnect();
      cleanUp();
    }
  });
  watch.observe(panel, { childList: true, subtree: true });
  return [el('h3', { tabindex: '-1' }, t(`reports.${action}Heading`)), form];
}

// A new place: named by the planner, its reasons the report's (to change), at the report's pin or
// where the planner draws it (a report without a pin needs that).
function approveForm(ctx, report) {
  const { tool, controls, form } = drawnFeature(ctx, report.location);
  const geometryError = el('p', { class: 'field-error', hidden: true });
  return {
    fields: {
      name: textInput('name', t('form.name'), '', { required: true, maxlength: 200 }),
      reasons: choicesInput('reasons', t('form.reasons'), 'placeReasons', report.reasons),
      geometry: { error: geometryError },
    },
    nodes: [el('fieldset', { class: 'field geometry', dataset: { field: 'geometry' } },
      el('legend', {}, t('form.geometry'), el('span', { class: 'required' }, ` ${t('form.required')}`)),
      el('p', { class: 'meta' }, t(report.location ? 'reports.geometryPin' : 'reports.geometryDraw')),
      controls.node, geometryError)],
    body: () => ({ geometry: tool.geometry() }),
    makeForm: form,
    cleanUp: () => {
      tool.destroy();
      controls.destroy();
    },
  };
}

// Into a published place: one of those near the pin, or any other found by name or chosen on the map.
// Drafts are not offered (a report adds a resident's voice to what the public sees): those near the pin
// stay listed above the form, marked as drafts, for the planner to publish first if one is meant.
const published = (feature) => feature.properties.published !== false;

function mergeForm(ctx, report, nearby) {
  const legendId = `merge-${report.id}-legend`;
  const error = el('p', { class: 'field-error', hidden: true, id: `merge-${report.id}-error` });
  const choices = el('ul', { class: 'place-choices' });
  const chosen = new Map();
  const choose = (feature, check = true) => {
    const id = String(feature.id);
    if (!chosen.has(id)) {
      const placeItem = featureItem('places', feature);
      const radio = el('input', { type: 'radio', name: `merge-${report.id}`, id: `merge-${report.id}-${id}`, value: id });
      chosen.set(id, radio);
      choices.append(el('li', { class: 'check' }, radio, el('label', { for: radio.id }, placeItem.label,
        placeItem.meta ? el('span', { class: 'meta' }, ` ${placeItem.meta}`) : null)));
    }
    if (check) {
      chosen.get(id).checked = true;
      ctx.announce(t('reports.placeChosen', { name: feature.properties.name }));
    }
  };
  nearby.filter(published).forEach((feature) => choose(feature, false));
  const pick = featurePicker(ctx, {
    kind: 'places', name: 'mergePlace', legend: t('reports.findPlace'), publishedOnly: true,
    near: () => (report.location ? boundsOf(report.location) : ctx.map.getBounds()),
    onPick: (item) => choose(item.data),
  });
  // A click on a place on the map chooses it while the form is open.
  const intercept = (kind, id) => {
    if (kind !== 'place') return false;
    api.place(id).then((r) => (published(r.data) ? choose(r.data)
      : ctx.announce(t('reports.draftNotChosen', { name: r.data.properties.name })))).catch(() => {});
    return true;
  };
  ctx.intercept = intercept;
  return {
    fields: {
      placeId: {
        node: el('fieldset', { class: 'field', dataset: { field: 'placeId' }, 'aria-describedby': error.id },
          el('legend', { id: legendId }, t('reports.mergeInto')),
          el('p', { class: 'meta' }, t('reports.mergeHint')), choices, error),
        error,
        read: () => {
          const radio = [...chosen.values()].find((r) => r.checked);
          return radio ? Number(radio.value) : null;
        },
      },
    },
    nodes: [pick.node],
    cleanUp: () => {
      pick.destroy?.();
      if (ctx.intercept === intercept) ctx.intercept = null;
    },
  };
}

// What each action asks besides the note: its fields (read as the request's body) and what else
// the form holds.
const FORMS = {
  approve: approveForm,
  merge: mergeForm,
  reject: () => ({
    fields: { reason: choiceInput('reason', t('reports.rejectReason'), 'reportRejections', null, { none: true }) },
  }),
  // The text without personal data; what the resident wrote stays in the history, for planners only.
  text: (ctx, report) => ({
    fields: { text: textInput('text', t('reports.text'), report.text, { rows: 6, maxlength: 2000, optional: true }) },
    nodes: [el('p', { class: 'meta' }, t('reports.textHint'))],
  }),
};
