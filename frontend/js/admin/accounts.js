// The admin page's users: list, create with a temporary password, change name, roles and enabled,
// reset the password (temporary again), delete. The server keeps the last enabled admin and says so.
// Roles are granted in the page's municipality (planner@municipality:flen); the installation's admins
// also grant roles in the whole installation. A user's grants elsewhere stay as they are.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { codes, label } from '../vocabulary.js';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

// A temporary password to hand over: 16 random characters, easy to read aloud.
function suggestion() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12)}`;
}

const INSTALLATION = '*';

const scopeOf = (grant) => grant.slice(grant.indexOf('@') + 1);
const roleOf = (grant) => grant.slice(0, grant.indexOf('@'));

// The checkboxes of the roles in one scope: this municipality's (ids new-planner…) or the whole
// installation's (ids new-all-planner…).
function roleChecks(prefix, chosen, { legend, name = 'roles', idPart = '' }) {
  return el('fieldset', {}, el('legend', {}, legend),
    codes('roles').map((role) => el('label', { class: 'check', for: `${prefix}-${idPart}${role}` },
      el('input', { type: 'checkbox', id: `${prefix}-${idPart}${role}`, name, value: role, checked: chosen.includes(role) }),
      label('roles', role))));
}

function checked(form, name) {
  return [...form.querySelectorAll(`input[name=${name}]:checked`)].map((box) => box.value);
}

function passwordField(id) {
  const field = el('input', { id, name: id, autocomplete: 'off', minlength: 12, 'aria-describedby': `${id}-hint` });
  return [
    el('label', { for: id }, t('admin.temporaryPassword')),
    el('div', { class: 'secret' }, field,
      el('button', { type: 'button', class: 'button secondary', onclick: () => { field.value = suggestion(); field.focus(); } },
        t('admin.suggest'))),
    el('p', { id: `${id}-hint`, class: 'hint' }, t('admin.temporaryHint')),
  ];
}

function failure(holder, error) {
  holder.textContent = t('admin.failed', { reason: error.reasons.join(' ') });
  holder.hidden = false;
  holder.focus();
}

export async function accountsSection(ctx) {
  const section = el('section', { 'aria-labelledby': 'users-heading', id: 'users' });
  const state = { users: await api.users(), editing: null };
  const here = `municipality:${ctx.settings.slug}`;
  const installationAdmin = ctx.me.grants.includes(`admin@${INSTALLATION}`);

  // "Planerare (Flen)", "Administratör (hela installationen)", "Polis (region ost)".
  const scopeName = (scope) => (scope === INSTALLATION ? t('admin.scopeAll')
    : scope === here ? ctx.settings.name
      : scope.startsWith('region:') ? t('admin.scopeRegion', { slug: scope.slice(7) }) : scope.slice(scope.indexOf(':') + 1));
  const described = (user) => user.grants.map((grant) => `${label('roles', roleOf(grant))} (${scopeName(scopeOf(grant))})`).join(', ');
  const rolesHere = (user) => user.grants.filter((grant) => scopeOf(grant) === here).map(roleOf);

  // The checkboxes of a form: this municipality's roles, and the installation's for its admins.
  const roleFields = (prefix, user) => [
    roleChecks(prefix, user ? rolesHere(user) : [], { legend: t('admin.rolesIn', { name: ctx.settings.name }) }),
    installationAdmin ? roleChecks(prefix, user ? user.roles : [], {
      legend: t('admin.rolesInstallation'), name: 'installation-roles', idPart: 'all-',
    }) : null,
  ];
  // What a form grants: its checked roles here, the user's grants elsewhere as they were.
  const granted = (form, user) => ({
    roles: installationAdmin ? checked(form, 'installation-roles') : (user?.roles ?? []),
    grants: [...(user?.grants ?? []).filter((grant) => ![here, INSTALLATION].includes(scopeOf(grant))),
      ...checked(form, 'roles').map((role) => `${role}@${here}`)],
  });

  const reload = async (message, focus) => {
    state.users = await api.users();
    draw();
    ctx.announce(message);
    document.getElementById(focus || 'users-heading')?.focus();
  };

  function status(user) {
    return [
      el('span', { class: user.enabled ? 'badge' : 'badge warning' }, t(user.enabled ? 'admin.active' : 'admin.disabled')),
      user.mustChangePassword ? el('span', { class: 'badge' }, t('admin.mustChange')) : null,
      user.sso ? el('span', { class: 'badge' }, t('admin.sso', { name: user.sso })) : null,
    ];
  }

  function editForm(user) {
    const error = el('p', { class: 'error', role: 'alert', tabindex: '-1', hidden: true });
    const prefix = `edit-${user.username.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const form = el('form', { class: 'form-narrow', id: `${prefix}-form` },
      el('h3', { id: `${prefix}-heading`, tabindex: '-1' }, t('admin.editUser', { name: user.username })),
      el('label', { for: `${prefix}-name` }, t('admin.displayName')),
      el('input', { id: `${prefix}-name`, value: user.displayName || '', maxlength: 200 }),
      roleFields(prefix, user),
      el('label', { class: 'check', for: `${prefix}-enabled` },
        el('input', { type: 'checkbox', id: `${prefix}-enabled`, checked: user.enabled }), t('admin.enabled')),
      error,
      el('div', { class: 'row' },
        el('button', { type: 'submit', class: 'button' }, t('admin.save')),
        el('button', { type: 'button', class: 'button secondary', onclick: () => { state.editing = null; draw(); } },
          t('admin.cancel'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.updateUser(user.username, {
          displayName: form.querySelector(`#${prefix}-name`).value,
          ...granted(form, user),
          enabled: form.querySelector(`#${prefix}-enabled`).checked,
        });
        state.editing = null;
        await reload(t('admin.saved', { name: user.username }));
      } catch (e) {
        failure(error, e);
      }
    });
    const resetError = el('p', { class: 'error', role: 'alert', tabindex: '-1', hidden: true });
    const reset = el('form', { class: 'form-narrow', id: `${prefix}-reset` },
      user.sso ? null : passwordField(`${prefix}-password`), resetError,
      user.sso ? null : el('button', { type: 'submit', class: 'button secondary' }, t('admin.resetPassword')));
    reset.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.updateUser(user.username, { password: reset.querySelector(`#${prefix}-password`).value });
        state.editing = null;
        await reload(t('admin.reset', { name: user.username }));
      } catch (e) {
        failure(resetError, e);
      }
    });
    return el('td', { colspan: 6 }, form, reset);
  }

  function row(user) {
    const you = user.username === ctx.me.username;
    const error = el('p', { class: 'error', role: 'alert', tabindex: '-1', hidden: true });
    const confirm = el('button', {
      type: 'button', class: 'button danger', hidden: true,
      onclick: async () => {
        try {
          await api.deleteUser(user.username);
          await reload(t('admin.deleted', { name: user.username }));
        } catch (e) {
          failure(error, e);
        }
      },
    }, t('admin.confirmDelete', { name: user.username }));
    const rows = [el('tr', { dataset: { username: user.username } },
      el('th', { scope: 'row' }, user.username, you ? ` ${t('admin.you')}` : null),
      el('td', {}, user.displayName || ''),
      el('td', {}, described(user)),
      el('td', {}, status(user)),
      el('td', {}, user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('account.never')),
      el('td', {},
        el('button', {
          type: 'button', class: 'button secondary', 'aria-expanded': String(state.editing === user.username),
          onclick: () => { state.editing = state.editing === user.username ? null : user.username; draw(); },
        }, t('admin.edit')),
        el('button', { type: 'button', class: 'button secondary', onclick: () => { confirm.hidden = false; confirm.focus(); } },
          t('admin.delete')),
        confirm, error))];
    if (state.editing === user.username) rows.push(el('tr', { class: 'edit-row' }, editForm(user)));
    return rows;
  }

  function createForm() {
    const error = el('p', { class: 'error', role: 'alert', tabindex: '-1', hidden: true });
    const form = el('form', { class: 'form-narrow', id: 'new-user' },
      el('label', { for: 'new-username' }, t('admin.username')),
      el('input', { id: 'new-username', required: true, maxlength: 100, autocomplete: 'off' }),
      el('label', { for: 'new-display-name' }, t('admin.displayName')),
      el('input', { id: 'new-display-name', maxlength: 200, autocomplete: 'off' }),
      roleFields('new', null),
      passwordField('new-password'),
      error,
      el('button', { type: 'submit', class: 'button' }, t('admin.create')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const username = form.querySelector('#new-username').value.trim();
      try {
        await api.createUser({
          username,
          displayName: form.querySelector('#new-display-name').value,
          ...granted(form, null),
          password: form.querySelector('#new-password').value,
        });
        await reload(t('admin.created', { name: username }));
      } catch (e) {
        failure(error, e);
      }
    });
    return form;
  }

  function draw() {
    replace(section,
      el('h2', { id: 'users-heading', tabindex: '-1' }, t('admin.users')),
      el('p', {}, t('admin.usersIntro')),
      el('div', { class: 'table-scroll' }, el('table', { class: 'list', id: 'users-table' },
        el('thead', {}, el('tr', {}, ...['admin.username', 'admin.displayName', 'admin.roles', 'admin.status',
          'admin.lastLogin', 'admin.actions'].map((key) => el('th', { scope: 'col' }, t(key))))),
        el('tbody', {}, state.users.map(row)))),
      el('h3', {}, t('admin.newUser')),
      createForm());
  }

  draw();
  return section;
}
