// The admin page (admins only): the municipality's settings, its districts and the accounts, and for the
// installation's admins every municipality. Each section is a module of its own under admin/, given the
// page's context and returning its DOM.
import { api, session } from './api.js';
import { accountBar } from './accountBar.js';
import { el, replace } from './dom.js';
import { onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { showMunicipality } from './map.js';
import { municipalitySection } from './admin/municipality.js';
import { districtsSection } from './admin/districts.js';
import { accountsSection } from './admin/accounts.js';
import { municipalitiesSection } from './admin/municipalities.js';
import { loadVocabularies } from './vocabulary.js';

const content = document.getElementById('content');

const page = {
  me: null,
  /** Tells screen readers (and everyone) what just happened. */
  announce: (message) => { document.getElementById('announcer').textContent = message; },
  /** Runs once the sections are in the document (maps need their element's size). */
  afterRender: [],
  async render() {
    const settings = await api.settings();
    showMunicipality(settings.data);
    document.getElementById('account').replaceChildren(...accountBar(this.me).filter(Boolean));
    this.afterRender = [];
    this.settings = settings.data;
    const sections = [municipalitySection(this, settings), await districtsSection(this), await accountsSection(this),
      await municipalitiesSection(this)].filter(Boolean);
    document.title = `${t('admin.title')} – ${t('app.title')}`;
    replace(content, el('h1', { id: 'admin-title', tabindex: '-1' }, t('admin.title')), sections);
    this.afterRender.forEach((draw) => draw());
  },
};

async function start() {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  [page.me] = await Promise.all([session(), loadVocabularies()]);
  if (!page.me.authenticated) {
    location.assign('/login');
    return;
  }
  if (!page.me.rolesHere?.includes('admin')) {
    replace(content, el('p', { role: 'alert', class: 'error' }, t('admin.notAdmin')));
    return;
  }
  await page.render();
  onLanguageChange(() => page.render());
}

start().catch((error) => {
  console.error(error);
  replace(content, el('p', { role: 'alert', class: 'error' }, t('app.loadFailed')));
});
