// "Få e-post om förändringar": a district's (or, without a slug, the municipality's) e-mail subscription.
// The answer is the same whether the address was subscribed or not; the mail it gets asks to confirm.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { language, t } from '../i18n.js';

let forms = 0; // ids of the form's fields, unique on the page

export function subscribeForm(slug) {
  const id = `subscribe-${++forms}`;
  const status = el('p', { class: 'subscribe-status', role: 'status' });
  const email = el('input', { id: `${id}-email`, name: 'email', type: 'email', autocomplete: 'email', required: true,
    maxlength: 254, 'aria-describedby': `${id}-intro` });
  const button = el('button', { type: 'submit' }, t('subscribe.submit'));
  const form = el('form', { class: 'subscribe', 'aria-labelledby': `${id}-heading`, novalidate: true },
    el('h3', { id: `${id}-heading` }, t('subscribe.heading')),
    el('p', { id: `${id}-intro`, class: 'meta' }, t('subscribe.intro')),
    el('label', { for: `${id}-email` }, t('subscribe.email')),
    el('div', { class: 'subscribe-row' }, email, button),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    email.removeAttribute('aria-invalid');
    try {
      await api.subscribe({ email: email.value.trim(), neighbourhood: slug || undefined, language: language() });
      email.value = '';
      replace(status, t('subscribe.sent'));
    } catch (error) {
      if (!(error.status > 0 && (error.errors.length || error.problem?.detail))) {
        // No answer at all, or one that says nothing (a 5xx from a proxy): the address stays, to send again.
        replace(status, t('subscribe.notSent'));
      } else {
        replace(status, t('subscribe.failed', { reason: error.reasons.join(' ') }));
        // Only what is wrong with the address marks the field; a refusal of another kind leaves it be.
        if (error.status === 400 || error.status === 422) {
          email.setAttribute('aria-invalid', 'true');
          email.focus();
        }
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
