// "Did it work?": incidents near a done measure before and after, against a comparison area, and the
// district's safety survey before and after. The public sees only what the privacy rule allows.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { failureText } from './unavailable.js';
import { label } from '../vocabulary.js';

const MONTHS = 12;

function count(value) {
  return value === null ? t('evaluation.fewerThan') : String(value);
}

function percent(value) {
  if (value === null || value === undefined) return '–';
  return `${value > 0 ? '+' : ''}${String(value).replace('.', ',')} %`;
}

export function evaluationSection(measureId) {
  const body = el('div', { role: 'status' }, t('app.loading'));
  api.evaluation(measureId, MONTHS).then((e) => {
    const area = e.comparison.name || '';
    replace(body,
      el('p', {}, t('evaluation.intro', { buffer: e.buffer, months: e.months, date: formatDate(e.completedOn), area })),
      el('table', { class: 'evaluation' },
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t('evaluation.where')), el('th', { scope: 'col' }, t('evaluation.before')),
          el('th', { scope: 'col' }, t('evaluation.after')), el('th', { scope: 'col' }, t('evaluation.change')))),
        el('tbody', {},
          el('tr', { dataset: { side: 'area' } }, el('th', { scope: 'row' }, t('evaluation.measureArea')),
            el('td', {}, count(e.area.before)), el('td', {}, count(e.area.after)), el('td', {}, percent(e.area.changePercent))),
          el('tr', { dataset: { side: 'comparison' } }, el('th', { scope: 'row' }, t('evaluation.comparison', { area })),
            el('td', {}, count(e.comparison.before)), el('td', {}, count(e.comparison.after)),
            el('td', {}, percent(e.comparison.changePercent))))),
      el('p', { class: 'verdict', dataset: { verdict: e.verdict } },
        t(`evaluation.verdict.${e.verdict}`, { difference: String(e.difference ?? '').replace('.', ',') })),
      e.exact ? null : el('p', { class: 'meta' }, t('evaluation.rounded')),
      e.complete ? null : el('p', { class: 'meta' }, t('evaluation.incomplete')),
      el('h4', {}, t('evaluation.survey')),
      e.survey.length ? el('table', { class: 'evaluation' },
        el('tbody', {}, e.survey.filter((s) => s.before && s.after).map((s) => el('tr', {},
          el('th', { scope: 'row' }, label('surveyIndicators', s.indicator)),
          el('td', {}, `${s.before.year}: ${String(s.before.value).replace('.', ',')}`),
          el('td', {}, `${s.after.year}: ${String(s.after.value).replace('.', ',')}`)))))
        : el('p', {}, t('evaluation.noSurvey')));
  }).catch((error) => replace(body, el('p', { class: 'error' }, failureText(error))));
  return el('section', { class: 'evaluation-section' }, el('h3', {}, t('evaluation.heading')), body);
}
