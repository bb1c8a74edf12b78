// Step 3 of an import: its run's progress (the run pages' modules: live events, stop, NOTFALL STOPP,
// resume), then the counts and the links to the rejected lines and to the imported contacts.
import { $, api, busy, el, on, t, toast } from './common.js';
import { currentRunId, followRun, holdAsStopped, stopFollowing } from './run-follow.js';
import { RUN_SHOWN, isFinished, showRun, showStopped } from './run-progress.js';

const COUNTS = ['rows', 'imported', 'contactsCreated', 'contactsUpdated', 'companiesCreated', 'companiesUpdated', 'duplicatesInFile', 'invalid', 'suppressed'];
let importId = null;
let onFinished = () => {};

/** Shows an import's status and counts. */
export function showResult(view) {
  importId = view.id;
  $('import-result').hidden = false;
  $('import-result-title').textContent = t('imports.resultTitle', { id: view.id, name: view.fileName, status: t(`imports.status.${view.status}`) });
  const counts = view.counts || {};
  $('import-counts').tBodies[0].replaceChildren(...COUNTS.map((name) => {
    const tr = el('tr', { attrs: { 'data-count': name } });
    tr.append(el('th', { text: t(`imports.count.${name}`) }), el('td', { className: 'num', text: Number(counts[name] ?? 0).toLocaleString() }));
    return tr;
  }));
  $('import-errors').href = `/api/imports/${view.id}/errors.csv`;
  $('import-contacts').href = `/contacts?importId=${view.id}`;
  if (view.error) toast(view.error, 'error', 12000);
}

async function refresh() {
  if (importId == null) return;
  try {
    const view = await api(`/api/imports/${importId}`);
    showResult(view);
    if (!['MAPPING', 'RUNNING'].includes(view.status)) onFinished(view);
  } catch (e) {
    toast(e.message, 'error');
  }
}

/** Follows a started (or running) import's run until it ends, then shows its counts. */
export async function followImport(view) {
  showResult(view);
  if (view.runId == null) return;
  try {
    const run = await api(`/api/runs/${view.runId}`);
    if (isFinished(run)) showRun(run);
    else followRun(run);
  } catch (e) {
    toast(e.message, 'error');
  }
}

function onClick(id, work) {
  $(id).addEventListener('click', () => busy($(id), async () => {
    try {
      await work();
    } catch (e) {
      toast(e.message, 'error', 10000);
    }
  }));
}

/** Wires the run buttons; finished(view) runs when a followed import has ended. */
export function initResult(finished) {
  onFinished = finished;
  let lastCounts = 0;
  on(RUN_SHOWN, ({ run }) => {
    // the counts while it runs (now and then), and once more at its end
    if (isFinished(run) || Date.now() - lastCounts > 2000) {
      lastCounts = Date.now();
      refresh();
    }
  });
  onClick('stop-button', async () => {
    if (currentRunId()) showRun(await api(`/api/runs/${currentRunId()}/stop`, { method: 'POST' }));
    toast(t('run.stopRequested'));
  });
  onClick('emergency-button', async () => {
    const id = currentRunId();
    if (!id) return;
    stopFollowing();
    holdAsStopped(id);
    showStopped();
    await api(`/api/runs/${id}/emergency-stop`, { method: 'POST', timeoutMs: 4000 });
    toast(t('run.emergencyConfirmed', { stopped: 1 }), 'success');
    holdAsStopped(null);
    followRun(await api(`/api/runs/${id}`), { quiet: true });
  });
  onClick('resume-button', async () => {
    const id = currentRunId();
    if (!id) return;
    holdAsStopped(null);
    const run = await api(`/api/runs/${id}/resume`, { method: 'POST' });
    toast(t('run.resumed', { id: run.id }), 'success');
    followRun(run);
  });
}
