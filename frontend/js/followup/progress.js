// A progress bar with its number as text, readable by screen readers and on paper.
import { el } from '../dom.js';
import { t } from '../i18n.js';

export function progressBar(fraction, label, detail) {
  const percent = Math.round((fraction || 0) * 100);
  return el('div', { class: 'progress' },
    el('div', {
      class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent,
      'aria-label': label,
    }, el('div', { class: 'bar-fill', dataset: { percent } })),
    el('span', { class: 'progress-text' }, t('followup.progress', { percent })),
    detail ? el('span', { class: 'meta' }, detail) : null);
}

/** Bars get their width from data-percent here, since the CSP allows no inline styles. */
export function sizeBars(root) {
  root.querySelectorAll('.bar-fill').forEach((fill) => { fill.style.width = `${fill.dataset.percent}%`; });
}
