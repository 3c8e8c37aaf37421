// The page an e-mail's link opens (/abonnemang?bekrafta=…, ?avsluta=…, ?tips=…): it says what the
// button will do, and only the button does it, since mail scanners open links to see where they lead.
import { api } from './api.js';
import { el, replace } from './dom.js';
import { onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';

const content = document.getElementById('content');
const parameters = new URLSearchParams(location.search);
const [action, token] = [['confirm', 'bekrafta'], ['unsubscribe', 'avsluta'], ['reportUpdates', 'tips']]
  .map(([name, parameter]) => [name, parameters.get(parameter)])
  .find(([, value]) => value) || ['unsubscribe', null];
let done = false;

function render() {
  document.title = `${t(`mail.${action}.heading`)} – ${t('app.title')}`;
  const status = el('p', { role: 'status' }, done ? t(`mail.${action}.done`) : '');
  const button = el('button', { type: 'button', class: 'primary', disabled: done || !token }, t(`mail.${action}.button`));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.mailAction(action, token);
      done = true;
      replace(status, t(`mail.${action}.done`));
    } catch (error) {
      replace(status, error.status === 404 ? t('mail.invalid') : error.reasons.join(' '));
      button.disabled = false;
    }
  });
  replace(content,
    el('h1', {}, t(`mail.${action}.heading`)),
    el('p', {}, token ? t(`mail.${action}.intro`) : t('mail.missing')),
    el('p', {}, button),
    status);
}

translatePage();
document.getElementById('language').addEventListener('click', toggleLanguage);
render();
onLanguageChange(render);
