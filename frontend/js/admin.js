// /admin (admins only): one section per concern, each a module in js/admin/ that returns its DOM.
import { session } from './api.js';
import { accountBar } from './accountBar.js';
import { el, replace } from './dom.js';
import { onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { accountsSection } from './admin/accounts.js';

const content = document.getElementById('content');
const announcer = document.getElementById('announcer');
const SECTIONS = [accountsSection];

const ctx = {
  me: null,
  announce(text) { announcer.textContent = text; },
};

async function render() {
  document.title = `${t('admin.title')} – ${t('app.title')}`;
  document.getElementById('account').replaceChildren(...accountBar(ctx.me).filter(Boolean));
  const sections = await Promise.all(SECTIONS.map((section) => section(ctx)));
  replace(content, el('h1', {}, t('admin.title')), sections);
}

async function start() {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  ctx.me = await session();
  if (!ctx.me.authenticated) {
    location.assign('/login');
    return;
  }
  await render();
  onLanguageChange(render);
}

start().catch(() => replace(content, el('p', { role: 'alert', class: 'error' }, t('app.loadFailed'))));
