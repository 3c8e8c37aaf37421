// The login form needs only the CSRF token, fetched here; before login it lives in a cookie, so visiting
// this page creates no server session. The form is sent with fetch so that a throttled login (429,
// after too many wrong passwords) is said in words instead of shown as the server's JSON; without
// scripts it posts as a plain form. Single sign-on, when configured, is offered above the form.
import { api } from './api.js';
import { el } from './dom.js';
import { onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { showMunicipality } from './map.js';

const params = new URLSearchParams(location.search);
const error = document.getElementById('login-error');
const form = document.getElementById('login-form');
let message = params.has('error') ? ['login.error'] : null;
// The account could not be looked up (the database is down): not a wrong password.
if (params.has('unavailable')) message = ['login.unavailable'];
if (params.has('sso')) {
  const code = ['no_role', 'local_account', 'disabled', 'no_username'].includes(params.get('sso')) ? params.get('sso') : 'failed';
  message = [`login.sso.${code}`];
}

function showMessage() {
  error.hidden = !message;
  if (message) error.textContent = t(...message);
}

function showSingleSignOn(providers) {
  const holder = document.getElementById('sso');
  holder.hidden = providers.length === 0;
  holder.replaceChildren(
    ...providers.map((provider) => el('p', {}, el('a', { class: 'button', href: provider.url },
      t('login.with', { name: provider.name })))),
    providers.length ? el('p', {}, t('login.orLocal')) : null,
  );
}

const response = await fetch('/api/session', { credentials: 'same-origin' });
const session = await response.json();
const field = document.getElementById('csrf');
field.name = session.csrf.parameterName;
field.value = session.csrf.token;

function render() {
  translatePage();
  showMessage();
  showSingleSignOn(session.sso || []);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const answer = await fetch('/login', { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' });
    if (answer.status === 429) {
      const minutes = Math.max(1, Math.ceil(Number(answer.headers.get('Retry-After') || 60) / 60));
      message = ['login.throttled', { minutes }];
    } else if (new URL(answer.url).searchParams.has('unavailable') || answer.status === 503) {
      message = ['login.unavailable'];
    } else if (new URL(answer.url).searchParams.has('error') || !answer.ok) {
      message = [answer.ok ? 'login.error' : 'login.failed'];
    } else {
      location.assign(answer.url);
      return;
    }
  } catch {
    message = ['login.failed'];
  }
  showMessage();
  error.focus();
  form.elements.password.value = '';
});

document.getElementById('language').addEventListener('click', toggleLanguage);
api.config().then(showMunicipality).catch(() => {});
onLanguageChange(render);
render();
