// Swedish by default, English on request; the choice is remembered in this browser.
import sv from './i18n/sv.js';
import en from './i18n/en.js';

const messages = { sv, en };
const listeners = [];

let lang = initialLanguage();

function initialLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && messages[asked]) return asked;
  try {
    const stored = localStorage.getItem('lang');
    if (stored && messages[stored]) return stored;
  } catch { /* storage may be off */ }
  return 'sv';
}

export function language() {
  return lang;
}

/** The text for a key, with {placeholders} filled in. */
export function t(key, values = {}) {
  const text = messages[lang][key] ?? messages.sv[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? ''));
}

/** The text for a count: the key's ".one" form for 1, its ".other" form for any other number. */
export function tn(key, count, values = {}) {
  return t(`${key}.${count === 1 ? 'one' : 'other'}`, { count, ...values });
}

/** Writes the texts of elements marked data-i18n (and data-i18n-aria-label). */
export function translatePage(root = document) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  });
}

export function setLanguage(next) {
  lang = next;
  try { localStorage.setItem('lang', next); } catch { /* storage may be off */ }
  translatePage();
  // One part of the page failing to redraw leaves the others to change language; the error is still thrown.
  listeners.forEach((listener) => {
    try {
      listener(next);
    } catch (error) {
      setTimeout(() => { throw error; });
    }
  });
}

export function toggleLanguage() {
  setLanguage(lang === 'sv' ? 'en' : 'sv');
}

/** Calls the listener after every change of language; returns what stops that. */
export function onLanguageChange(listener) {
  listeners.push(listener);
  return () => {
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  };
}

export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso) {
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(iso));
}
