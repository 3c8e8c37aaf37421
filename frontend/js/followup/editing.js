// For planners on the follow-up page: create and edit promises and commitments, import survey
// results. Shown only to a planner's session; the API checks the role again.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { charsetSelect, checkboxes, field, select } from '../planner/fields.js';
import { save } from '../planner/saving.js';

const PARTIES = ['joint', 'municipality', 'police'];
const ACTIVITIES = ['safety_walk', 'dialogue', 'police_operation'];
const OPERATIONS = ['', 'patrol', 'dog_search', 'traffic_action', 'anti_supply_campaign', 'other'];

function formShell(heading, fields, summary, onSubmit, onCancel) {
  return el('form', { class: 'edit-form planner-tools', novalidate: true, onsubmit: (e) => { e.preventDefault(); onSubmit(); } },
    el('h3', { tabindex: '-1' }, heading), summary, fields.map((f) => f.node),
    el('div', { class: 'buttons' },
      el('button', { type: 'submit', class: 'button' }, t('form.save')),
      el('button', { type: 'button', class: 'button secondary', onclick: onCancel }, t('form.cancel'))));
}

export function promiseForm(page, holder, { promise = null, etag = null } = {}) {
  const p = promise || { periodStart: page.period.periodStart, periodEnd: page.period.periodEnd, party: 'joint',
    focusNeighbourhoods: [] };
  const districts = page.neighbourhoods.features.map((f) => f.properties);
  const fields = {
    title: field('title', t('form.promiseTitle'), el('input', { value: p.title || '' }), { required: true }),
    periodStart: field('periodStart', t('form.periodStart'), el('input', { type: 'number', value: p.periodStart }), { required: true }),
    periodEnd: field('periodEnd', t('form.periodEnd'), el('input', { type: 'number', value: p.periodEnd })),
    party: field('party', t('form.party'), select(PARTIES, (v) => t(`party.${v}`), p.party)),
    body: field('body', t('form.body'), el('textarea', { rows: 4 }, p.body || '')),
    focusNeighbourhoods: checkboxes('focusNeighbourhoods', t('form.focus'), districts.map((d) => d.slug),
      (slug) => districts.find((d) => d.slug === slug).name, p.focusNeighbourhoods.map((n) => n.slug)),
  };
  const summary = el('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
  const submit = () => save({}, {
    kind: 'promises', id: promise?.id, etag, type: 'application/json', summary, fields,
    feature: {
      title: fields.title.input.value,
      periodStart: Number(fields.periodStart.input.value) || null,
      periodEnd: Number(fields.periodEnd.input.value) || null,
      party: fields.party.input.value,
      body: fields.body.input.value,
      focusNeighbourhoods: fields.focusNeighbourhoods.values(),
    },
    // A new promise may belong to another period: show the one it is in.
    onSaved: (saved) => location.assign(`/uppfoljning?period=${saved.period}`),
    onReload: async () => {
      const fresh = await api.promise(promise.id);
      replace(holder, promiseForm(page, holder, { promise: JSON.parse(JSON.stringify(fresh.data)), etag: fresh.etag }));
    },
  });
  return formShell(promise ? `${t('planner.edit')}: ${p.title}` : t('planner.newPromise'), Object.values(fields),
    summary, submit, () => page.render());
}

export function commitmentForm(page, holder, { promise, commitment = null, etag = null }) {
  const c = commitment || { party: promise.party, position: promise.commitments.length, weight: 1, target: null };
  const fields = {
    text: field('text', t('form.commitmentText'), el('textarea', { rows: 3 }, c.text || ''), { required: true }),
    party: field('party', t('form.party'), select(PARTIES, (v) => t(`party.${v}`), c.party)),
    position: field('position', t('form.position'), el('input', { type: 'number', min: 0, value: c.position })),
    weight: field('weight', t('form.weight'), el('input', { type: 'number', min: 1, value: c.weight })),
    target: field('target', t('form.targetCount'), el('input', { type: 'number', value: c.target?.count ?? '' })),
    targetActivity: field('targetActivity', t('form.targetActivity'),
      select(ACTIVITIES, (v) => t(`activity.${v}`), c.target?.activity || 'safety_walk')),
    targetOperation: field('targetOperation', t('form.targetOperation'),
      select(OPERATIONS, (v) => (v ? t(`operation.${v}`) : t('form.none')), c.target?.operationKind || '')),
  };
  const summary = el('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
  const submit = () => {
    const count = fields.target.input.value.trim();
    save({}, {
      kind: 'commitments', id: commitment?.id, etag, type: 'application/json', summary, fields,
      feature: {
        promiseId: promise.id,
        text: fields.text.input.value,
        party: fields.party.input.value,
        position: Number(fields.position.input.value) || 0,
        weight: Number(fields.weight.input.value) || 1,
        target: count === '' ? null : {
          count: Number(count),
          activity: fields.targetActivity.input.value,
          operationKind: fields.targetOperation.input.value || null,
        },
      },
      onSaved: () => page.reload(),
      onReload: async () => {
        const fresh = await api.commitment(commitment.id);
        replace(holder, commitmentForm(page, holder, { promise, commitment: fresh.data, etag: fresh.etag }));
      },
    });
  };
  return formShell(commitment ? t('planner.edit') : t('planner.newCommitment'), Object.values(fields), summary,
    submit, () => page.render());
}

export function surveyImport(page) {
  const input = el('input', { type: 'file', accept: '.csv,text/csv', id: 'survey-file' });
  const [charsetLabel, charset] = charsetSelect('survey-charset');
  const report = el('div', { role: 'status', 'aria-live': 'polite' });
  return el('form', {
    class: 'planner-tools',
    onsubmit: async (event) => {
      event.preventDefault();
      const file = input.files[0];
      if (!file) return;
      try {
        const result = await api.importSurvey(file, charset.value);
        replace(report,
          el('p', {}, t('planner.imported', { imported: result.imported, lines: result.lines })),
          result.rejected.length ? el('p', {}, t('planner.rejectedLines')) : null,
          result.rejected.length ? el('ul', { class: 'rejected-lines' }, result.rejected.map((r) => el('li', {},
            t('planner.rejectedLine', { line: r.line, reason: r.reason })))) : null);
        await page.reloadSurvey();
      } catch (error) {
        replace(report, el('p', { class: 'error' }, error.message));
      }
    },
  },
  el('h3', {}, t('planner.importSurvey')),
  el('label', { for: 'survey-file' }, t('planner.importFile')), input, charsetLabel, charset,
  el('button', { type: 'submit', class: 'button' }, t('planner.import')),
  report);
}

export function plannerExtras(page, holderFor) {
  const edit = (label, open) => el('button', { type: 'button', class: 'button secondary no-print', onclick: open }, label);
  return {
    promise: (promise) => [el('div', { class: 'buttons no-print' },
      edit(t('planner.edit'), async () => {
        const fresh = await api.promise(promise.id);
        const holder = holderFor(promise.id);
        replace(holder, promiseForm(page, holder, { promise: fresh.data, etag: fresh.etag }));
        holder.querySelector('h3').focus();
      }),
      edit(t('planner.newCommitment'), () => {
        const holder = holderFor(promise.id);
        replace(holder, commitmentForm(page, holder, { promise }));
        holder.querySelector('h3').focus();
      }))],
    commitment: (commitment) => [edit(t('planner.edit'), async () => {
      const fresh = await api.commitment(commitment.id);
      const promise = page.period.promises.find((p) => p.id === commitment.promiseId);
      const holder = holderFor(promise.id);
      replace(holder, commitmentForm(page, holder, { promise, commitment: fresh.data, etag: fresh.etag }));
      holder.querySelector('h3').focus();
    })],
  };
}
