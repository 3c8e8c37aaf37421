// /konto: one's own password and personal access tokens. A user whose password an admin has reset
// lands here after login and must choose a new one before anything else.
import { api, session } from './api.js';
import { accountBar } from './accountBar.js';
import { el, replace } from './dom.js';
import { formatDate, formatDateTime, onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { showMunicipality } from './map.js';

const content = document.getElementById('content');
const announcer = document.getElementById('announcer');
const page = { me: null, account: null, tokens: [], created: null, saved: false };

const announce = (text) => { announcer.textContent = text; };
const isoDay = (date) => date.toISOString().slice(0, 10);
const daysAhead = (days) => isoDay(new Date(Date.now() + days * 86400000));

function input(id, label, attributes = {}) {
  return [el('label', { for: id }, label), el('input', { id, name: id, ...attributes })];
}

function failure(holder, error) {
  holder.textContent = t('account.failed', { reason: error.reasons.join(' ') });
  holder.hidden = false;
}

function passwordSection() {
  const heading = el('h2', { id: 'password-heading' }, t('account.password'));
  if (!page.account.hasPassword) {
    return el('section', { 'aria-labelledby': 'password-heading' }, heading,
      el('p', {}, t('account.sso', { name: page.account.sso })));
  }
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const form = el('form', { class: 'form-narrow', id: 'password-form', novalidate: true },
    ...input('current-password', t('account.current'), { type: 'password', autocomplete: 'current-password', required: true }),
    ...input('new-password', t('account.new'), {
      type: 'password', autocomplete: 'new-password', required: true, minlength: 12, 'aria-describedby': 'password-hint',
    }),
    el('p', { id: 'password-hint', class: 'hint' }, t('account.passwordHint')),
    ...input('repeat-password', t('account.repeat'), { type: 'password', autocomplete: 'new-password', required: true }),
    error,
    el('button', { type: 'submit', class: 'button' }, t('account.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const next = form.elements['new-password'].value;
    if (next.length < 12 || next !== form.elements['repeat-password'].value) {
      error.textContent = next.length < 12 ? t('account.tooShort') : t('account.mismatch');
      error.hidden = false;
      return;
    }
    try {
      await api.changePassword(form.elements['current-password'].value, next);
      page.saved = true;
      await load();
      render();
      announce(t('account.saved'));
      document.getElementById('password-saved').focus();
    } catch (e) {
      failure(error, e);
    }
  });
  const saved = page.saved ? el('p', { id: 'password-saved', class: 'notice', tabindex: '-1' }, t('account.saved'),
    ' ', page.me.roles.length ? el('a', { href: page.me.planningPage }, t('account.continue')) : null) : null;
  return el('section', { 'aria-labelledby': 'password-heading' }, heading, saved, form);
}

function createdToken() {
  if (!page.created) return null;
  const value = el('input', { id: 'new-token', readonly: true, value: page.created.token });
  const copy = el('button', {
    type: 'button', class: 'button',
    onclick: async () => {
      value.select();
      try {
        await navigator.clipboard.writeText(page.created.token);
      } catch {
        document.execCommand('copy');
      }
      announce(t('account.copied'));
    },
  }, t('account.copy'));
  return el('div', { class: 'notice', id: 'token-created' },
    el('p', {}, t('account.tokenCreated', { name: page.created.name })),
    el('label', { for: 'new-token' }, t('account.tokenValue')),
    el('div', { class: 'secret' }, value, copy));
}

function tokenRow(token) {
  const confirm = el('button', {
    type: 'button', class: 'button danger', hidden: true,
    onclick: async () => {
      await api.revokeToken(token.id);
      page.created = null;
      await load();
      render();
      announce(t('account.revoked', { name: token.name }));
      document.getElementById('tokens-heading').focus();
    },
  }, t('account.confirmRevoke', { name: token.name }));
  const ask = el('button', {
    type: 'button', class: 'button secondary', onclick: () => { confirm.hidden = false; confirm.focus(); },
  }, t('account.revoke'));
  return el('tr', {},
    el('td', {}, token.name),
    el('td', {}, el('code', {}, `${token.prefix}…`)),
    el('td', {}, formatDate(token.createdAt)),
    el('td', {}, formatDate(token.expiresAt), token.expired ? [' ', el('span', { class: 'badge warning' }, t('account.expired'))] : null),
    el('td', {}, token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('account.never')),
    el('td', {}, ask, confirm));
}

function tokenSection() {
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const form = el('form', { class: 'form-narrow', id: 'token-form' },
    ...input('token-name', t('account.tokenName'), { required: true, maxlength: 100 }),
    ...input('token-expires', t('account.tokenExpires'), {
      type: 'date', required: true, value: daysAhead(90), min: daysAhead(0), max: daysAhead(366),
    }),
    error,
    el('button', { type: 'submit', class: 'button' }, t('account.createToken')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      page.created = await api.createToken(form.elements['token-name'].value, form.elements['token-expires'].value);
      await load();
      render();
      document.getElementById('new-token').focus();
    } catch (e) {
      failure(error, e);
    }
  });
  const list = page.tokens.length
    ? el('div', { class: 'table-scroll' }, el('table', { class: 'list', id: 'tokens' },
      el('thead', {}, el('tr', {}, ...['account.tokenName', 'account.tokenPrefix', 'account.created', 'account.expires',
        'account.lastUsed', 'admin.actions'].map((key) => el('th', { scope: 'col' }, t(key))))),
      el('tbody', {}, page.tokens.map(tokenRow))))
    : el('p', {}, t('account.noTokens'));
  return el('section', { 'aria-labelledby': 'tokens-heading' },
    el('h2', { id: 'tokens-heading', tabindex: '-1' }, t('account.tokens')),
    el('p', {}, t('account.tokensIntro')),
    createdToken(), list, form);
}

function render() {
  document.title = `${t('account.title')} – ${t('app.title')}`;
  document.getElementById('account').replaceChildren(...accountBar(page.me).filter(Boolean));
  const mustChange = page.me.mustChangePassword;
  replace(content,
    el('h1', {}, t('account.title')),
    el('p', {}, t('account.signedInAs', { user: page.me.displayName || page.me.username })),
    mustChange ? el('p', { class: 'notice', id: 'must-change' }, t('account.mustChange')) : null,
    passwordSection(),
    // Tokens wait until the temporary password is gone: until then the server allows nothing else.
    mustChange ? null : tokenSection());
}

async function load() {
  page.me = await session();
  if (!page.me.authenticated) return;
  page.account = await api.account();
  page.tokens = page.me.mustChangePassword ? [] : await api.tokens();
}

async function start() {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  api.config().then(showMunicipality).catch(() => {});
  await load();
  if (!page.me.authenticated) {
    location.assign('/login');
    return;
  }
  render();
  onLanguageChange(render);
}

start().catch(() => replace(content, el('p', { role: 'alert', class: 'error' }, t('app.loadFailed'))));
