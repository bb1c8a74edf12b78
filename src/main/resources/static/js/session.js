// The Instagram session modal: asks for the session id when the server has none, saves it, or lets the user go on without.
import { $, api, busy, may, t, toast } from './common.js';

// „Ohne Session" holds for this tab: coming back from another page does not ask again
const SKIPPED = 'leadgen.sessionSkipped';

function openModal() {
  $('session-modal').classList.add('open');
  $('session-input').focus();
}

function closeModal() {
  $('session-modal').classList.remove('open');
}

async function save(event) {
  event.preventDefault();
  const error = $('session-error');
  error.hidden = true;
  await busy($('session-save'), async () => {
    try {
      await api('/session', { method: 'POST', body: { sessionId: $('session-input').value } });
      $('session-input').value = '';
      closeModal();
      toast(t('session.saved'), 'success');
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
}

export function initSession() {
  $('session-form').addEventListener('submit', save);
  $('session-skip').addEventListener('click', () => {
    sessionStorage.setItem(SKIPPED, 'true');
    closeModal();
  });
  $('change-session').addEventListener('click', openModal);
  // only who may start a run needs a session id
  if (may('MEMBER') && document.body.dataset.needsSession === 'true' && sessionStorage.getItem(SKIPPED) !== 'true') openModal();
}
