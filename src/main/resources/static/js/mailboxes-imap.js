// The inbox part of the page „Postfächer": the IMAP fields of the form (the password is never shown
// back, only whether one is stored), what the list says about an inbox and its last read, and the
// IMAP half of „Verbindung testen". Failure kinds are the server's; the page says what they mean.
import { $, el, t } from './common.js';

const lang = () => document.documentElement.lang || 'de';
const value = (id) => $(id).value.trim() || null;

/** A failure kind in words; a kind the page does not know reads as the generic one. */
export function kindText(kind, fallback = 'UNAVAILABLE') {
  const key = `mailboxes.test.kind.${kind}`;
  const said = t(key);
  return said === key ? t(`mailboxes.test.kind.${fallback}`) : said;
}

// an empty port takes the security's default, so the placeholder shows that one
const defaultPort = () => { $('mailbox-imap-port').placeholder = $('mailbox-imap-security').value === 'ssl' ? '993' : '143'; };
$('mailbox-imap-security').addEventListener('change', defaultPort);

/** The form's inbox fields from a mailbox (null: a new one, no inbox). */
export function fill(mailbox) {
  $('mailbox-imap-host').value = mailbox?.imapHost ?? '';
  $('mailbox-imap-port').value = mailbox?.imapPort ?? '';
  $('mailbox-imap-security').value = mailbox?.imapSecurity ?? 'ssl';
  $('mailbox-imap-user').value = mailbox?.imapUser ?? '';
  $('mailbox-imap-password').value = '';
  $('mailbox-imap-password-hint').hidden = !mailbox?.imapPasswordSet;
  $('mailbox-imap-remove').checked = false;
  $('mailbox-imap-remove-label').hidden = !mailbox?.imapHost;
  defaultPort();
}

/**
 * The inbox part of a save: an empty host removes the inbox (so does ticking „entfernen"); a blank
 * password keeps the stored one; an empty port takes the default of the chosen security.
 */
export function body() {
  if ($('mailbox-imap-remove').checked || !value('mailbox-imap-host')) return { imapHost: '' };
  const port = $('mailbox-imap-port').value.trim();
  return {
    imapHost: value('mailbox-imap-host'),
    imapPort: port === '' ? null : Number(port),
    imapSecurity: $('mailbox-imap-security').value,
    imapUser: value('mailbox-imap-user'),
    imapPassword: $('mailbox-imap-password').value || null,
  };
}

function when(iso) {
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** The stored error „KIND: detail" in German words, the server's detail after them (as text, never HTML). */
function errorText(error) {
  const match = /^([A-Z_]+): ?([\s\S]*)$/.exec(error);
  const kind = match ? match[1] : 'ERROR';
  const detail = match ? match[2] : error;
  const said = kindText(kind, 'ERROR');
  return `${t('mailboxes.inbox.failed')} ${said}${detail ? ` ${t('mailboxes.test.detail', { detail })}` : ''}`;
}

/** The list's cell: none, or server and login, the last read and what went wrong at it. */
export function cell(m) {
  const td = el('td', { className: 'inbox' });
  if (!m.imapHost) {
    td.textContent = t('mailboxes.inbox.none');
    return td;
  }
  const login = m.imapUser ? ` · ${m.imapUser}` : '';
  const password = m.imapPasswordSet ? ` · ${t('mailboxes.passwordSet')}` : '';
  td.append(el('span', {
    className: 'inbox-server',
    text: `${m.imapHost}:${m.imapPort} (${t(`mailboxes.security.${m.imapSecurity}`)})${login}${password}`,
  }));
  td.append(el('span', {
    className: 'inbox-checked',
    text: m.imapCheckedAt ? t('mailboxes.inbox.checked', { when: when(m.imapCheckedAt) }) : t('mailboxes.inbox.notYet'),
  }));
  if (m.imapError) td.append(el('span', { className: 'inbox-error', text: errorText(m.imapError) }));
  return td;
}

/** The IMAP half of a test's answer in words (null when the mailbox has no inbox). */
export function testLine(answer) {
  if (!answer.imap) return null;
  const imap = answer.imap;
  if (imap.ok) return { ok: true, text: `${t('mailboxes.inbox.label')} ${t('mailboxes.test.ok')}` };
  const detail = imap.error ? ` ${t('mailboxes.test.detail', { detail: imap.error })}` : '';
  return {
    ok: false,
    text: `${t('mailboxes.inbox.label')} ${t('mailboxes.test.failed')} ${kindText(imap.kind || 'UNAVAILABLE')}${detail}`,
  };
}
