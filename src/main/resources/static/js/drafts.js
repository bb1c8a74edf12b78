// The e-mail row under each Instagram lead: an AI draft into editable fields, and sending it from the user's mailbox.
import { $, api, busy, el, t, toast } from './common.js';

// what the user typed into the e-mail fields, by username: survives the table's refreshes during a run
const typed = new Map();

/** The editor row for lead; it spans the whole table. */
export function emailRow(lead) {
  const tr = el('tr', { className: 'email-row' });
  tr.dataset.for = lead.username;
  if (lead.duplicate) tr.classList.add('duplicate');
  const td = el('td');
  td.colSpan = document.querySelectorAll('#leads-table thead th').length;
  td.append($('email-editor-template').content.cloneNode(true));
  tr.append(td);

  const subject = td.querySelector('.email-subject');
  const body = td.querySelector('.email-body');
  const draft = typed.get(lead.username);
  subject.value = draft ? draft.subject : (lead.draftSubject || '');
  body.value = draft ? draft.body : (lead.draftBody || '');
  const remember = () => typed.set(lead.username, { subject: subject.value, body: body.value });
  subject.addEventListener('input', remember);
  body.addEventListener('input', remember);
  td.querySelector('.email-to').textContent = lead.email ? t('email.to', { to: lead.email }) : t('email.noAddress');

  const draftButton = td.querySelector('.draft-button');
  const sendButton = td.querySelector('.send-button');
  draftButton.addEventListener('click', () => draftEmail(lead.username, draftButton));
  sendButton.addEventListener('click', () => sendEmail(lead.username, sendButton));
  showSent(td, lead.sentAt);
  return tr;
}

/** Every e-mail row of a username (a username can stand in several rows). */
function editorsOf(username) {
  return [...document.querySelectorAll('#leads-body tr.email-row')].filter((tr) => tr.dataset.for === username);
}

async function draftEmail(username, button) {
  await busy(button, async () => {
    try {
      const draft = await api(`/draft/${encodeURIComponent(username)}`, { method: 'POST', timeoutMs: 90000 });
      typed.set(username, { subject: draft.subject, body: draft.body });
      editorsOf(username).forEach((tr) => {
        tr.querySelector('.email-subject').value = draft.subject;
        tr.querySelector('.email-body').value = draft.body;
      });
      toast(t('email.drafted', { username }), 'success');
    } catch (e) {
      toast(e.message, 'error', 12000);
    }
  });
}

async function sendEmail(username, button) {
  const tr = button.closest('tr');
  const subject = tr.querySelector('.email-subject').value;
  const body = tr.querySelector('.email-body').value;
  await busy(button, async () => {
    try {
      const result = await api(`/send/${encodeURIComponent(username)}`, { method: 'POST', body: { subject, body }, timeoutMs: 60000 });
      typed.delete(username);
      editorsOf(username).forEach((row) => showSent(row, result.sentAt));
      toast(t('email.sent', { to: result.to }), 'success');
    } catch (e) {
      // the draft stays in the fields, so nothing typed is lost
      toast(e.message, 'error', 12000);
    }
  });
}

/** Replaces the Send button with „Gesendet <time>“ once the e-mail went out. */
function showSent(container, sentAt) {
  if (!sentAt) return;
  const badge = container.querySelector('.sent-badge');
  badge.textContent = t('email.sentAt', { time: new Date(sentAt).toLocaleString() });
  badge.hidden = false;
  container.querySelector('.send-button').hidden = true;
}
