// The signed-in user's corner of the top bar: who, their account page, the admin page for admins of the
// page's municipality, and logging out (a form post, with the session's CSRF token).
import { el } from './dom.js';
import { t } from './i18n.js';
import { local } from './municipality.js';

export function accountBar(me) {
  const name = me.displayName || me.username;
  return [
    el('span', {}, t('planner.loggedInAs', { user: name })),
    location.pathname === '/konto' ? null : el('a', { href: '/konto' }, t('app.myAccount')),
    me.rolesHere?.includes('admin') && location.pathname !== local('/admin') ? el('a', { href: local('/admin') }, t('app.admin')) : null,
    el('form', { method: 'post', action: '/logout', class: 'logout' },
      el('input', { type: 'hidden', name: me.csrf.parameterName, value: me.csrf.token }),
      el('button', { type: 'submit', class: 'plain' }, t('app.logout'))),
  ];
}
