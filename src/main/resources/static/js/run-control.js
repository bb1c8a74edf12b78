// The run buttons: start a keyword or a Places run, stop, NOTFALL STOPP (this run or all), resume; and on
// opening the page, follow the newest run if it still works.
import { $, api, busy, emit, t, toast } from './common.js';
import { LATEST_RUN, LEADS_STALE, currentRunId, followRun, holdAsStopped, stopFollowing } from './run-follow.js';
import { isFinished, showRun, showStopped } from './run-progress.js';

async function startKeywordRun(event) {
  event.preventDefault();
  const error = $('keyword-error');
  error.hidden = true;
  await busy($('run-button'), async () => {
    try {
      const run = await api('/api/runs', {
        method: 'POST',
        body: { keyword: $('keyword').value, selectHashtags: $('select-hashtags').checked },
      });
      toast(t('run.started', { id: run.id }), 'success');
      followRun(run);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      toast(e.message, 'error');
    }
  });
}

/** Runs a button's work while the button shows it is busy; a failure becomes a toast. */
function onClick(id, work, errorMillis = 6000) {
  $(id).addEventListener('click', () => busy($(id), async () => {
    try {
      await work();
    } catch (e) {
      toast(e.message, 'error', errorMillis);
    }
  }));
}

/** The emergency stop resets the page at once; the server's answer only confirms it. */
async function emergencyStop(url) {
  const id = currentRunId();
  stopFollowing();
  holdAsStopped(id);
  if (id) showStopped();
  $('run-button').disabled = false;
  toast(t('run.emergencySent'), 'error');
  try {
    const answer = await api(url, { method: 'POST', timeoutMs: 4000 });
    const stopped = answer && 'stopped' in answer ? answer.stopped : 1;
    toast(t('run.emergencyConfirmed', { stopped }), 'success');
    if (id) followRun(await api(`/api/runs/${id}`), { quiet: true });
    emit(LEADS_STALE, { force: true });
  } catch (e) {
    toast(t('run.emergencyUnconfirmed', { error: e.message }), 'error', 12000);
  }
}

export async function initRunControl() {
  $('run-form').addEventListener('submit', startKeywordRun);
  onClick('places-button', async () => {
    const run = await api('/api/runs', { method: 'POST', body: { source: 'places' } });
    toast(t('places.started', { id: run.id }), 'success');
    followRun(run);
  }, 12000);
  onClick('stop-button', async () => {
    if (!currentRunId()) return;
    showRun(await api(`/api/runs/${currentRunId()}/stop`, { method: 'POST' }));
    toast(t('run.stopRequested'));
  });
  onClick('resume-button', async () => {
    if (!currentRunId()) return;
    holdAsStopped(null);
    const run = await api(`/api/runs/${currentRunId()}/resume`, { method: 'POST' });
    toast(t('run.resumed', { id: run.id }), 'success');
    followRun(run);
  });
  $('emergency-button').addEventListener('click', () => currentRunId() && emergencyStop(`/api/runs/${currentRunId()}/emergency-stop`));
  $('emergency-all').addEventListener('click', () => emergencyStop('/api/runs/emergency-stop'));
  try {
    const runs = await api('/api/runs');
    if (runs.length) emit(LATEST_RUN, { id: runs[0].id });
    if (runs.length && !isFinished(runs[0])) followRun(runs[0]);
  } catch (e) {
    toast(e.message, 'error');
  }
}
