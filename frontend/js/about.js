// /om, "Om tjänsten": what the service is, who runs it (the municipality the settings name), how it
// handles data, the accessibility statement the DOS law (2018:1937) asks of public-sector sites, and
// whom to contact. The contacts come from the settings; without them the page says to contact the
// municipality. What it says about data is what the code does: see the README's privacy sections.
import { api } from './api.js';
import { el, replace } from './dom.js';
import { formatDate, onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { showMunicipality } from './map.js';
import { local } from './municipality.js';

/** When the accessibility statement was last assessed and updated; change it with the statement. */
const STATEMENT_DATE = '2026-11-28';

/** Where residents report inaccessible public-sector sites to the supervising authority. */
const DIGG_REPORT = 'https://www.digg.se/tdosanmalan';

/** The statement's known shortcomings (about.a11y.known.*), in the order the statement lists them. */
const KNOWN_PROBLEMS = ['map', 'incidents', 'background', 'charts', 'drawing', 'untested'];

const content = document.getElementById('content');

function section(id, heading, ...children) {
  return el('section', { 'aria-labelledby': id }, el('h2', { id }, heading), ...children);
}

function subsection(heading, ...children) {
  return [el('h3', {}, heading), ...children];
}

const isEmail = (contact) => !/^https?:\/\//.test(contact);

/** A contact from the settings as a link: mailto: for an e-mail address, else the web form's address. */
function contactLink(contact, formText) {
  return isEmail(contact)
    ? el('a', { href: `mailto:${contact}` }, contact)
    : el('a', { href: contact }, formText);
}

/** The background map's server, which every visitor's browser asks for tiles. */
function tileHost(config) {
  try {
    return new URL(config.tileUrl.replace(/\{[^}]*\}/g, 'a')).host;
  } catch {
    return '';
  }
}

function render(config) {
  const name = config?.name || t('about.theMunicipality');
  const reportTo = config?.accessibilityContact || config?.contactEmail;
  document.title = `${t('nav.about')} – ${t('app.title')}`;
  replace(content,
    el('h1', {}, t('about.title')),
    el('p', { class: 'lead' }, t('about.intro', { name })),

    section('about-what', t('about.what'),
      el('p', {}, t('about.whatText')),
      el('ul', {},
        el('li', {}, el('a', { href: local('/') }, t('about.toMap'))),
        el('li', {}, el('a', { href: local('/uppfoljning') }, t('about.toPromises'))))),

    section('about-who', t('about.who'),
      el('p', {}, t('about.whoText', { name }))),

    section('about-data', t('about.data'),
      el('ul', { class: 'about-list' },
        el('li', {}, t('about.data.incidents')),
        el('li', {}, t('about.data.evaluation')),
        el('li', {}, t('about.data.drafts')),
        el('li', {}, t('about.data.cookies')),
        el('li', {}, t('about.data.language')),
        tileHost(config ?? {}) ? el('li', {}, t('about.data.tiles', { host: tileHost(config) })) : null)),

    section('about-accessibility', t('about.a11y'),
      el('p', {}, t('about.a11y.intro', { name })),
      subsection(t('about.a11y.status'), el('p', { id: 'compliance' }, t('about.a11y.statusText'))),
      subsection(t('about.a11y.known'),
        el('ul', { class: 'about-list', id: 'known-problems' },
          KNOWN_PROBLEMS.map((key) => el('li', {}, t(`about.a11y.known.${key}`))))),
      subsection(t('about.a11y.report'),
        reportTo
          ? el('p', { id: 'accessibility-contact' }, t('about.a11y.reportText'), ' ',
            contactLink(reportTo, t('about.a11y.form')))
          : el('p', { id: 'accessibility-contact' }, t('about.a11y.reportFallback', { name }))),
      subsection(t('about.a11y.supervision'),
        el('p', {}, t('about.a11y.supervisionText')),
        el('p', {}, el('a', { href: DIGG_REPORT, hreflang: 'sv' }, t('about.a11y.digg')))),
      subsection(t('about.a11y.tested'),
        el('p', {}, t('about.a11y.testedText')),
        el('p', {}, t('about.a11y.updated', { date: formatDate(STATEMENT_DATE) })))),

    section('about-contact', t('about.contact'),
      config?.contactEmail
        ? el('p', { id: 'contact' }, t('about.contactText'), ' ', contactLink(config.contactEmail))
        : el('p', { id: 'contact' }, t('about.contactFallback', { name })),
      el('p', {}, t('about.emergency'))));
}

async function start() {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  // The page says what it can without the settings (they are cached, so this rarely fails): the
  // statement and how to reach Digg must not depend on the database.
  const config = await api.config().catch(() => null);
  if (config) showMunicipality(config);
  render(config);
  onLanguageChange(() => render(config));
}

start();
