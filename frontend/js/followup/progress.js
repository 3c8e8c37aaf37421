// A progress bar with its number as text, readable by screen readers and on paper.
import { el } from '../dom.js';
import { t } from '../i18n.js';

/**
 * scope: whose figure it is ("Hela kommunen", a district's name), said before the percentage when
 * the page shows figures of more than one; className: more classes for the bar's row.
 */
export function progressBar(fraction, label, detail, { scope = null, className = null } = {}) {
  const percent = Math.round((fraction || 0) * 100);
  const text = t('followup.progress', { percent });
  return el('div', { class: className ? `progress ${className}` : 'progress' },
    el('div', {
      class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent,
      'aria-label': scope ? `${label} (${scope})` : label,
    }, el('div', { class: 'bar-fill', dataset: { percent } })),
    el('span', { class: 'progress-text' }, scope ? `${scope}: ${text}` : text),
    detail ? el('span', { class: 'meta' }, detail) : null);
}

/** Bars get their width from data-percent here, since the CSP allows no inline styles. */
export function sizeBars(root) {
  root.querySelectorAll('.bar-fill').forEach((fill) => { fill.style.width = `${fill.dataset.percent}%`; });
}
