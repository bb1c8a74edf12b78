// The page „Postfächer": every mailbox with its caps and last send, a form that adds or edits an SMTP
// mailbox and its inbox (passwords are never shown back, only whether one is stored), deleting, and
// „Verbindung testen" with the outcome in words (the server answers a failure kind, the page says
// what it means). The inbox (IMAP) parts live in mailboxes-imap.js.
import { $, api, busy, el, may, showError, t, toast } from './common.js';
import * as inbox from './mailboxes-imap.js';

const state = { editing: null };
const lang = () => document.documentElement.lang || 'de';

function when(iso) {
  if (!iso) return t('mailboxes.never');
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

const number = (id) => {
  const raw = $(id).value.trim();
  return raw === '' ? null : Number(raw);
};
const text = (id) => $(id).value.trim() || null;

function edit(mailbox) {
  state.editing = mailbox;
  const title = $('mailbox-form-title');
  const save = $('mailbox-save');
  title.textContent = mailbox ? title.dataset.edit : title.dataset.new;
  save.textContent = mailbox ? save.dataset.edit : save.dataset.new;
  $('mailbox-cancel').hidden = !mailbox;
  const env = Boolean(mailbox?.fromEnv);
  // the environment owns an env mailbox's connection: only its name and pacing can change here
  $('mailbox-env-note').hidden = !env;
  for (const group of document.querySelectorAll('#mailbox-form .connection')) group.classList.toggle('d-none', env);
  $('mailbox-name').value = mailbox?.name ?? '';
  $('mailbox-host').value = mailbox?.host ?? '';
  $('mailbox-port').value = mailbox?.port ?? 587;
  $('mailbox-security').value = mailbox?.security ?? 'starttls';
  $('mailbox-user').value = mailbox?.user ?? '';
  $('mailbox-password').value = '';
  $('mailbox-password-hint').hidden = !mailbox?.passwordSet;
  $('mailbox-from').value = mailbox?.fromEmail ?? '';
  $('mailbox-from-name').value = mailbox?.fromName ?? '';
  $('mailbox-reply-to').value = mailbox?.replyTo ?? '';
  $('mailbox-daily').value = mailbox?.dailyCap ?? '';
  $('mailbox-hourly').value = mailbox?.hourlyCap ?? '';
  $('mailbox-interval').value = mailbox?.intervalSeconds ?? '';
  inbox.fill(mailbox);
  showError('mailbox-error', '');
  if (mailbox) $('mailbox-name').focus();
}

function server(m) {
  if (m.kind !== 'smtp') return '–';
  if (m.fromEnv && (!m.host || m.host === 'env')) return t('mailboxes.fromEnv');
  const security = t(`mailboxes.security.${m.security}`);
  const login = m.user ? ` · ${m.user}` : '';
  const password = m.passwordSet ? ` · ${t('mailboxes.passwordSet')}` : '';
  return `${m.host}:${m.port} (${security})${login}${password}`;
}

/** The answer in words: the sending side, and with an inbox its line below („Versand"/„Posteingang"). */
function testResult(answer) {
  const imap = inbox.testLine(answer);
  const label = imap ? `${t('mailboxes.smtp.label')} ` : '';
  const detail = answer.error ? ` ${t('mailboxes.test.detail', { detail: answer.error })}` : '';
  const smtp = answer.ok
    ? { ok: true, text: `${label}${t('mailboxes.test.ok')}` }
    : { ok: false, text: `${label}${t('mailboxes.test.failed')} ${inbox.kindText(answer.kind || 'UNAVAILABLE')}${detail}` };
  return imap ? [smtp, imap] : [smtp];
}

function show(output, lines) {
  output.replaceChildren(...lines.map((line) => el('span', {
    className: `test-${line === lines[0] ? 'smtp' : 'imap'} ${line.ok ? 'ok' : 'failed'}`, text: line.text,
  })));
  output.className = `mailbox-test-result ${lines.every((line) => line.ok) ? 'ok' : 'failed'}`;
}

async function testConnection(button, mailbox, output) {
  output.textContent = t('mailboxes.test.running');
  output.className = 'mailbox-test-result';
  await busy(button, async () => {
    try {
      const lines = testResult(await api(`/api/mailboxes/${mailbox.id}/test`, { method: 'POST', body: {}, timeoutMs: 60000 }));
      show(output, lines);
      const failed = lines.filter((line) => !line.ok);
      toast(failed.length ? failed.map((line) => line.text).join(' ') : t('mailboxes.test.okToast', { name: mailbox.name }),
        failed.length ? 'error' : 'success');
    } catch (e) {
      output.textContent = e.message;
      output.className = 'mailbox-test-result failed';
      toast(e.message, 'error');
    }
  });
}

function button(className, label) {
  return el('button', { className: `btn btn-secondary btn-small ${className}`, text: label, attrs: { type: 'button' } });
}

function row(m) {
  const tr = el('tr', { className: 'mailbox', attrs: { 'data-id': m.id } });
  const actions = el('td', { className: 'actions' });
  const output = el('div', { className: 'mailbox-test-result', attrs: { role: 'status' } });
  if (may('ADMIN')) {
    const test = button('mailbox-test', t('mailboxes.test'));
    test.addEventListener('click', () => testConnection(test, m, output));
    const change = button('mailbox-edit', t('mailboxes.edit'));
    change.addEventListener('click', () => edit(m));
    actions.append(test, ' ', change);
    if (!m.fromEnv) {
      const remove = button('mailbox-delete', t('mailboxes.delete'));
      remove.addEventListener('click', () => removeMailbox(remove, m));
      actions.append(' ', remove);
    }
  }
  actions.append(output);
  const from = m.fromName ? `${m.fromName} <${m.fromEmail ?? ''}>` : (m.fromEmail ?? '');
  tr.append(
    el('td', { className: 'name', text: m.name }),
    el('td', { className: 'kind', text: t(`mailboxes.kind.${m.kind}`) }),
    el('td', { className: 'from', text: from || '–' }),
    el('td', { className: 'server', text: server(m) }),
    inbox.cell(m),
    el('td', { className: 'caps', text: `${m.dailyCap} / ${m.hourlyCap}` }),
    el('td', { className: 'interval', text: t('mailboxes.seconds', { n: m.intervalSeconds }) }),
    el('td', { className: 'last-send', text: when(m.lastSendAt) }),
    actions,
  );
  return tr;
}

async function load() {
  try {
    const mailboxes = await api('/api/mailboxes');
    $('mailboxes-body').replaceChildren(...mailboxes.map(row));
    $('mailboxes-empty').hidden = mailboxes.length > 0;
  } catch (e) {
    toast(e.message, 'error');
  }
}

async function save(saveButton) {
  showError('mailbox-error', '');
  const body = {
    name: text('mailbox-name'),
    kind: 'smtp',
    host: text('mailbox-host'),
    port: number('mailbox-port'),
    security: $('mailbox-security').value,
    user: text('mailbox-user'),
    // blank keeps the stored password (the server's rule for PUT)
    password: $('mailbox-password').value || null,
    fromEmail: text('mailbox-from'),
    fromName: text('mailbox-from-name'),
    replyTo: text('mailbox-reply-to'),
    dailyCap: number('mailbox-daily'),
    hourlyCap: number('mailbox-hourly'),
    intervalSeconds: number('mailbox-interval'),
    ...inbox.body(),
  };
  await busy(saveButton, async () => {
    try {
      const editing = state.editing;
      const saved = editing
        ? await api(`/api/mailboxes/${editing.id}`, { method: 'PUT', body })
        : await api('/api/mailboxes', { method: 'POST', body });
      toast(t('mailboxes.saved', { name: saved.name }), 'success');
      edit(null);
      await load();
    } catch (e) {
      showError('mailbox-error', e.message);
      toast(e.message, 'error');
    }
  });
}

async function removeMailbox(removeButton, mailbox) {
  if (!window.confirm(t('mailboxes.confirmDelete', { name: mailbox.name }))) return;
  await busy(removeButton, async () => {
    try {
      await api(`/api/mailboxes/${mailbox.id}`, { method: 'DELETE' });
      toast(t('mailboxes.deleted', { name: mailbox.name }), 'success');
      if (state.editing?.id === mailbox.id) edit(null);
      await load();
    } catch (e) {
      toast(e.message, 'error');
    }
  });
}

$('mailbox-form').addEventListener('submit', (event) => {
  event.preventDefault();
  save($('mailbox-save'));
});
$('mailbox-cancel').addEventListener('click', () => edit(null));
load();
