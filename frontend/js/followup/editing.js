// For planners on the follow-up page: create and edit promises and commitments, import survey
// results. Shown only to a planner's session; the API checks the role again.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { charsetSelect } from '../forms/fields.js';
import { choiceInput, choicesInput, numberInput, readAll, textInput } from '../forms/inputs.js';
import { errorSummary, formButtons, save } from '../forms/saving.js';
import { local } from '../municipality.js';

function formShell(heading, fields, summary, onSubmit, onCancel) {
  return el('form', { class: 'edit-form planner-tools', novalidate: true, onsubmit: (e) => { e.preventDefault(); onSubmit(); } },
    el('h3', { tabindex: '-1' }, heading), summary, fields.map((f) => f.node), formButtons(onCancel));
}

export function promiseForm(page, holder, { promise = null, etag = null } = {}) {
  const p = promise || { periodStart: page.period.periodStart, periodEnd: page.period.periodEnd, party: 'joint',
    focusNeighbourhoods: [] };
  const districts = page.neighbourhoods.features.map((f) => ({ value: f.properties.slug, label: f.properties.name }));
  const fields = {
    title: textInput('title', t('form.promiseTitle'), p.title, { required: true }),
    periodStart: numberInput('periodStart', t('form.periodStart'), p.periodStart, { required: true }),
    periodEnd: numberInput('periodEnd', t('form.periodEnd'), p.periodEnd),
    party: choiceInput('party', t('form.party'), 'parties', p.party),
    body: textInput('body', t('form.body'), p.body, { rows: 4 }),
    focusNeighbourhoods: choicesInput('focusNeighbourhoods', t('form.focus'), districts,
      p.focusNeighbourhoods.map((n) => n.slug)),
  };
  const summary = errorSummary();
  const submit = () => save({
    kind: 'promises', id: promise?.id, etag, type: 'application/json', summary, fields,
    feature: readAll(fields),
    // A new promise may belong to another period: show the one it is in.
    onSaved: (saved) => location.assign(local(`/uppfoljning?period=${saved.period}`)),
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
    text: textInput('text', t('form.commitmentText'), c.text, { required: true, rows: 3 }),
    party: choiceInput('party', t('form.party'), 'parties', c.party),
    position: numberInput('position', t('form.position'), c.position, { min: 0, empty: 0 }),
    weight: numberInput('weight', t('form.weight'), c.weight, { min: 1, empty: 1 }),
    target: numberInput('target', t('form.targetCount'), c.target?.count),
    targetActivity: choiceInput('targetActivity', t('form.targetActivity'), 'activityKinds', c.target?.activity),
    targetOperation: choiceInput('targetOperation', t('form.targetOperation'), 'operationKinds', c.target?.operationKind,
      { none: true }),
  };
  const summary = errorSummary();
  const submit = () => {
    const { targetActivity, targetOperation, target, ...properties } = readAll(fields);
    save({
      kind: 'commitments', id: commitment?.id, etag, type: 'application/json', summary, fields,
      // The target is one property of three fields: a count of activities of a kind (and operation).
      feature: {
        promiseId: promise.id,
        ...properties,
        target: target === null ? null : { count: target, activity: targetActivity, operationKind: targetOperation },
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
