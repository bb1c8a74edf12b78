// One message on the review page: its body as it goes out (in a sandboxed frame), editing subject and
// HTML body while it is not sent, approving it, and its PDF proposal.
import { api, busy, may, t, toast } from './common.js';
import { mailDocument } from './wizard-preview.js';

const q = (item, selector) => item.querySelector(selector);

// the message as last loaded, by its list item: the editor opens on it without another call
const shownMessages = new WeakMap();

async function render(item, message) {
  shownMessages.set(item, message);
  item.dataset.id = String(message.id);
  item.dataset.status = message.status;
  q(item, '.review-to').textContent = message.to ?? '';
  q(item, '.review-step').textContent = message.step === 0 ? t('wizard.step.first') : t('wizard.step.followUp', { n: message.step });
  q(item, '.review-status').textContent = t(`campaigns.msg.${message.status}`);
  q(item, '.review-subject').textContent = message.subject ?? '';
  q(item, '.review-approve').hidden = message.status !== 'DRAFTED' || !may('MEMBER');
  q(item, '.review-open-edit').hidden = !['DRAFTED', 'APPROVED', 'QUEUED'].includes(message.status) || !may('MEMBER');
  q(item, '.review-pdf').href = `/api/messages/${message.id}/proposal.pdf`;
  const shown = await api(`/api/messages/${message.id}/preview`);
  q(item, '.review-frame').srcdoc = mailDocument(shown.html);
}

function openEdit(item) {
  const message = shownMessages.get(item);
  q(item, '.review-edit-subject').value = message.subject ?? '';
  q(item, '.review-edit-body').value = message.body ?? '';
  q(item, '.review-error').hidden = true;
  q(item, '.review-edit').hidden = false;
  q(item, '.review-edit-subject').focus();
}

async function saveEdit(item, button) {
  const body = { subject: q(item, '.review-edit-subject').value, body: q(item, '.review-edit-body').value };
  await busy(button, async () => {
    try {
      const saved = await api(`/api/messages/${item.dataset.id}`, { method: 'PUT', body });
      q(item, '.review-edit').hidden = true;
      await render(item, saved);
      toast(t('review.saved'), 'success');
    } catch (e) {
      q(item, '.review-error').textContent = e.message;
      q(item, '.review-error').hidden = false;
    }
  });
}

/** A list item for the message; onChange runs after it was approved (the list and counts move). */
export async function reviewItem(template, message, onChange) {
  const item = template.content.firstElementChild.cloneNode(true);
  q(item, '.review-open-edit').addEventListener('click', () => openEdit(item));
  q(item, '.review-cancel').addEventListener('click', () => { q(item, '.review-edit').hidden = true; });
  q(item, '.review-edit').addEventListener('submit', (event) => {
    event.preventDefault();
    saveEdit(item, q(item, '.review-save'));
  });
  const approve = q(item, '.review-approve');
  approve.addEventListener('click', () => busy(approve, async () => {
    try {
      await render(item, await api(`/api/messages/${item.dataset.id}/approve`, { method: 'POST', body: {} }));
      toast(t('review.approved', { to: q(item, '.review-to').textContent }), 'success');
      onChange();
    } catch (e) {
      toast(e.message, 'error');
    }
  }));
  await render(item, message);
  return item;
}
