// The residents' page: districts, their unsafe places and measures; a report of a place where one
// feels unsafe (its form loaded when asked for), and each district's count of this year's reports.
import { startApp } from './app.js';
import { api } from './api.js';
import { el, replace } from './dom.js';
import { t } from './i18n.js';

function reportButton(ctx) {
  return el('button', { type: 'button', class: 'button report-open', id: 'report-open', onclick: async () => {
    const { openReportForm } = await import('./report/form.js');
    openReportForm(ctx);
  } }, t('report.open'));
}

// "n tips i år, m hanterade": counts only, filled in when they come; nothing is said if they do not.
function reportSummary(slug) {
  const line = el('p', { class: 'meta report-summary' });
  api.reportSummary(slug).then(({ received, handled }) => {
    replace(line, t(received === 1 ? 'report.summary.one' : 'report.summary', { received, handled }));
  }, () => line.remove());
  return line;
}

startApp({
  extras: {
    home: (ctx) => [reportButton(ctx)],
    district: (ctx, slug) => [reportButton(ctx), reportSummary(slug)],
  },
});
