// The settings panel: the prompts and AI model of the e-mail drafts, open and click tracking of the mails
// sent one by one, and the batch size and pause of runs.
import { $, api, busy, t, toast } from './common.js';

async function load() {
  try {
    const [prompts, ai, batches, tracking] = await Promise.all([
      api('/api/settings/prompts'), api('/api/settings/ai'), api('/api/settings/runs'), api('/api/settings/tracking'),
    ]);
    $('mail-tracking').checked = tracking.enabled;
    $('batch-size').value = batches.batchSize;
    $('batch-pause').value = batches.batchPauseSeconds;
    $('prompt-system').value = prompts.system;
    $('prompt-user').value = prompts.user;
    $('ai-model').value = ai.model;
  } catch (e) {
    toast(e.message, 'error');
  }
}

async function save(event) {
  event.preventDefault();
  const error = $('settings-error');
  error.hidden = true;
  await busy($('settings-save'), async () => {
    try {
      await api('/api/settings/prompts', { method: 'PUT', body: { system: $('prompt-system').value, user: $('prompt-user').value } });
      await api('/api/settings/ai', { method: 'PUT', body: { model: $('ai-model').value } });
      await api('/api/settings/runs', {
        method: 'PUT',
        body: { batchSize: Number($('batch-size').value), batchPauseSeconds: Number($('batch-pause').value) },
      });
      await api('/api/settings/tracking', { method: 'PUT', body: { enabled: $('mail-tracking').checked } });
      toast(t('settings.saved'), 'success');
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      toast(e.message, 'error');
    }
  });
}

export function initSettings() {
  // loaded when opened, so what another tab saved meanwhile is what the user edits
  $('settings-panel').addEventListener('toggle', () => { if ($('settings-panel').open) load(); });
  $('settings-form').addEventListener('submit', save);
}
