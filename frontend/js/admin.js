// The admin page: the municipality's settings and its districts. Each section is a module of its
// own under admin/, given the page's context and returning its DOM.
import { api, session } from './api.js';
import { el, replace } from './dom.js';
import { onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { showMunicipality } from './map.js';
import { municipalitySection } from './admin/municipality.js';
import { districtsSection } from './admin/districts.js';

const content = document.getElementById('content');

const page = {
  /** Tells screen readers (and everyone) what just happened. */
  announce: (message) => { document.getElementById('announcer').textContent = message; },
  /** Runs once the sections are in the document (maps need their element's size). */
  afterRender: [],
  async render() {
    const settings = await api.settings();
    showMunicipality(settings.data);
    this.afterRender = [];
    const sections = [municipalitySection(this, settings), await districtsSection(this)];
    document.title = `${t('admin.title')} – ${t('app.title')}`;
    replace(content, el('h1', { id: 'admin-title', tabindex: '-1' }, t('admin.title')), sections);
    this.afterRender.forEach((draw) => draw());
  },
};

async function start() {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  const me = await session();
  if (!me.roles?.includes('admin')) {
    replace(content, el('p', { role: 'alert', class: 'error' }, t('admin.notAdmin')));
    return;
  }
  await page.render();
  onLanguageChange(() => page.render());
}

start().catch(() => replace(content, el('p', { role: 'alert', class: 'error' }, t('app.loadFailed'))));
