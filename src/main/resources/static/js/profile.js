// The profile page: one's own password, and personal API keys (created, shown once, revoked).
import { $, api, busy, el, t, toast } from './common.js';

const when = (instant) => (instant ? new Date(instant).toLocaleString() : t('keys.never'));

async function changePassword(event) {
  event.preventDefault();
  const error = $('password-error');
  error.hidden = true;
  await busy($('password-save'), async () => {
    try {
      await api('/api/me/password', {
        method: 'PUT',
        body: { currentPassword: $('current-password').value, newPassword: $('new-password').value },
      });
      $('current-password').value = '';
      $('new-password').value = '';
      toast(t('profile.passwordChanged'), 'success');
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
}

async function createKey(event) {
  event.preventDefault();
  const error = $('key-error');
  error.hidden = true;
  await busy($('key-create'), async () => {
    try {
      const key = await api('/api/me/keys', { method: 'POST', body: { name: $('key-name').value } });
      $('key-name').value = '';
      $('key-value').textContent = key.key;
      $('key-shown').hidden = false;
      toast(t('keys.created', { name: key.name }), 'success');
      await loadKeys();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
}

async function revoke(key, button) {
  if (!window.confirm(t('keys.confirmDelete', { name: key.name }))) return;
  await busy(button, async () => {
    try {
      await api(`/api/me/keys/${key.id}`, { method: 'DELETE' });
      toast(t('keys.deleted', { name: key.name }), 'success');
      await loadKeys();
    } catch (e) {
      toast(e.message, 'error');
    }
  });
}

function row(key) {
  const tr = el('tr', { className: 'key', attrs: { 'data-id': key.id } });
  const button = el('button', { className: 'btn btn-secondary btn-small revoke-button', text: t('keys.delete'), attrs: { type: 'button' } });
  button.addEventListener('click', () => revoke(key, button));
  const actions = el('td', { className: 'row-actions' });
  actions.append(button);
  tr.append(
    el('td', { className: 'name', text: key.name }),
    el('td', { className: 'date', text: when(key.createdAt) }),
    el('td', { className: 'date last-used', text: when(key.lastUsedAt) }),
    actions,
  );
  return tr;
}

async function loadKeys() {
  try {
    const keys = await api('/api/me/keys');
    $('keys-body').replaceChildren(...keys.map(row));
    $('keys-empty').hidden = keys.length > 0;
  } catch (e) {
    toast(e.message, 'error');
  }
}

$('password-form').addEventListener('submit', changePassword);
$('key-form').addEventListener('submit', createKey);
loadKeys();
