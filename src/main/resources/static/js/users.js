// The users page (admins): create users, change their role, deactivate or activate them, reset a password.
import { $, api, busy, el, t, toast } from './common.js';

const ROLES = ['ADMIN', 'MEMBER', 'VIEWER'];
const me = document.getElementById('nav-username')?.textContent;

const when = (instant) => (instant ? new Date(instant).toLocaleString() : t('users.never'));

async function create(event) {
  event.preventDefault();
  const error = $('user-error');
  error.hidden = true;
  await busy($('user-save'), async () => {
    try {
      const user = await api('/api/users', {
        method: 'POST',
        body: { username: $('new-username').value, password: $('new-password').value, role: $('new-role').value },
      });
      $('new-username').value = '';
      $('new-password').value = '';
      toast(t('users.created', { name: user.username }), 'success');
      await load();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
}

async function change(user, fields, message) {
  try {
    await api(`/api/users/${user.id}`, { method: 'PUT', body: fields });
    toast(message, 'success');
  } catch (e) {
    toast(e.message, 'error', 10000);
  }
  await load();
}

function roleSelect(user) {
  const select = el('select', { className: 'form-select form-select-sm role-select', attrs: { 'aria-label': t('users.role.' + user.role) } });
  for (const r of ROLES) {
    const option = el('option', { text: t(`users.role.${r}`), attrs: { value: r } });
    option.selected = r === user.role;
    select.append(option);
  }
  select.addEventListener('change', () => change(user, { role: select.value }, t('users.saved', { name: user.username })));
  return select;
}

/** An inline password field instead of a dialog: it stays on the page until set or left. */
function resetPassword(user, cell) {
  const input = el('input', { className: 'form-control form-control-sm', attrs: { type: 'password', autocomplete: 'new-password', maxlength: '72', 'aria-label': t('users.newPassword', { name: user.username }), placeholder: t('users.newPassword', { name: user.username }) } });
  const set = el('button', { className: 'btn btn-small set-password', text: t('users.setPassword'), attrs: { type: 'button' } });
  set.addEventListener('click', () => busy(set, () => change(user, { password: input.value }, t('users.passwordReset', { name: user.username }))));
  cell.replaceChildren(el('div', { className: 'd-flex gap-2 password-reset' }));
  cell.firstChild.append(input, set);
  input.focus();
}

function row(user) {
  const tr = el('tr', { className: user.active ? 'user' : 'user inactive', attrs: { 'data-username': user.username } });
  const name = el('td', { className: 'name', text: user.username });
  if (user.username === me) name.append(' ', el('span', { className: 'form-text', text: t('users.you') }));
  const actions = el('td', { className: 'row-actions' });
  const toggle = el('button', {
    className: 'btn btn-secondary btn-small toggle-button',
    text: user.active ? t('users.deactivate') : t('users.activate'),
    attrs: { type: 'button' },
  });
  toggle.addEventListener('click', () => busy(toggle, () => change(user, { active: !user.active }, t('users.saved', { name: user.username }))));
  const reset = el('button', { className: 'btn btn-secondary btn-small reset-button', text: t('users.resetPassword'), attrs: { type: 'button' } });
  reset.addEventListener('click', () => resetPassword(user, actions));
  actions.append(toggle, reset);
  const role = el('td');
  role.append(roleSelect(user));
  tr.append(
    name,
    role,
    el('td', { className: 'status', text: user.active ? t('users.active') : t('users.inactive') }),
    el('td', { className: 'date', text: when(user.createdAt) }),
    el('td', { className: 'date', text: when(user.lastLoginAt) }),
    actions,
  );
  return tr;
}

async function load() {
  try {
    const users = await api('/api/users');
    $('users-body').replaceChildren(...users.map(row));
  } catch (e) {
    toast(e.message, 'error');
  }
}

$('user-form').addEventListener('submit', create);
load();
