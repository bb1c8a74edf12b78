// The e-mail editor of the contact panel: an AI draft into editable fields, and sending it from the user's
// mailbox, for any contact with an address; a contact without one, or whose domain takes no mail, says why.
import { $, api, busy, emit, t, toast } from './common.js';
import { contactName } from './contact-name.js';

// what the user typed, by contact: survives reopening the panel and a correction's redraw
const typed = new Map();
let contact = null;

/** {id}: a contact changed here (an e-mail went out: its status is email_sent now). */
export const CONTACT_CHANGED = 'leadgen:contact-changed';

function showSent(sentAt) {
  $('contact-sent').hidden = !sentAt;
  $('contact-sent').textContent = sentAt ? t('email.sentAt', { time: new Date(sentAt).toLocaleString() }) : '';
  $('contact-send').hidden = Boolean(sentAt);
}

/** Why this contact cannot be written to, or null. */
function blockedReason(c) {
  if (!c.email) return t('contact.noAddress');
  if (c.emailCheck === 'no_domain') return t('contact.noDomain', { email: c.email, domain: c.email.split('@').pop() });
  return null;
}

/** Shows the editor for contact c (its kept draft and whether it was sent are loaded from the server). */
export async function showEditor(c) {
  contact = c;
  const reason = blockedReason(c);
  $('contact-email-to').textContent = c.email ? t('email.to', { to: c.email }) : '';
  $('contact-send-blocked').hidden = !reason;
  $('contact-send-blocked').textContent = reason || '';
  $('contact-send').disabled = Boolean(reason);
  $('contact-draft').disabled = !c.email;
  $('contact-editor').classList.toggle('blocked', Boolean(reason));
  const mine = typed.get(c.id);
  $('contact-subject').value = mine ? mine.subject : '';
  $('contact-body').value = mine ? mine.body : '';
  showSent(null);
  if (!c.email) return;
  try {
    const stored = await api(`/api/contacts/${c.id}/draft`);
    if (contact !== c) return; // another contact was opened meanwhile
    if (!typed.has(c.id)) {
      $('contact-subject').value = stored.subject || '';
      $('contact-body').value = stored.body || '';
    }
    showSent(stored.sentAt);
  } catch (e) {
    toast(e.message, 'error');
  }
}

function remember() {
  if (contact) typed.set(contact.id, { subject: $('contact-subject').value, body: $('contact-body').value });
}

async function draft(button) {
  const c = contact;
  await busy(button, async () => {
    try {
      const result = await api(`/api/contacts/${c.id}/draft`, { method: 'POST', timeoutMs: 90000 });
      typed.set(c.id, { subject: result.subject, body: result.body });
      if (contact === c) {
        $('contact-subject').value = result.subject;
        $('contact-body').value = result.body;
      }
      toast(t('contact.drafted', { name: c.instagram ? `@${c.instagram}` : contactName(c) }), 'success');
    } catch (e) {
      toast(e.message, 'error', 12000);
    }
  });
}

async function send(button) {
  const c = contact;
  const body = { subject: $('contact-subject').value, body: $('contact-body').value };
  await busy(button, async () => {
    try {
      const result = await api(`/api/contacts/${c.id}/send`, { method: 'POST', body, timeoutMs: 60000 });
      typed.delete(c.id);
      if (contact === c) showSent(result.sentAt);
      toast(t('email.sent', { to: result.to }), 'success');
      emit(CONTACT_CHANGED, { id: c.id });
    } catch (e) {
      // the draft stays in the fields, so nothing typed is lost
      toast(e.message, 'error', 12000);
    }
  });
}

$('contact-subject').addEventListener('input', remember);
$('contact-body').addEventListener('input', remember);
$('contact-draft').addEventListener('click', (e) => draft(e.currentTarget));
$('contact-send').addEventListener('click', (e) => send(e.currentTarget));
