// A resident's private page of a report (/tips/{token}): its number, its status in words, when it
// was received and handled, and once it is a place, a link to that place on the map. The token is
// the report's secret: the page sends no referrer and no search engine lists it (the server says so).
import { api } from './api.js';
import { el, replace } from './dom.js';
import { formatDate, onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { loadFailure } from './ui/unavailable.js';
import { facts } from './ui/facts.js';

const content = document.getElementById('content');

function status(report) {
  const words = t(`follow.status.${report.status}`);
  return report.rejection ? `${words}: ${t(`follow.rejection.${report.rejection}`)}` : words;
}

function render(report) {
  document.title = `${t('follow.title')} ${report.number} – ${t('app.title')}`;
  const place = report.placeId
    ? el('a', { href: `/${encodeURIComponent(report.municipality)}/?plats=${report.placeId}`, class: 'report-place' },
      t('follow.showPlace'))
    : null;
  replace(content,
    el('h1', {}, `${t('follow.title')} ${report.number}`),
    facts([
      [t('follow.number'), report.number],
      [t('follow.status'), el('span', { class: 'report-status' }, status(report))],
      [t('follow.received'), formatDate(report.receivedAt)],
      [t('follow.closed'), report.closedAt ? formatDate(report.closedAt) : null],
      [t('follow.place'), place],
    ]));
}

async function start() {
  translatePage();
  document.getElementById('language')?.addEventListener('click', toggleLanguage);
  const token = decodeURIComponent(location.pathname.split('/').pop());
  const report = await api.followReport(token);
  render(report);
  onLanguageChange(() => render(report));
}

start().catch((error) => replace(content, error.status === 404
  ? el('p', { role: 'alert', class: 'error' }, t('follow.notFound')) : loadFailure(error)));
