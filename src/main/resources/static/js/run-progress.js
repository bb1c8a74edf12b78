// Shows the followed run: title, status, its stages with their counts, the progress bar, the costs line and
// the buttons that fit its state, all from the server's description of the run; and the toast at its end.
import { $, el, emit, t, toast } from './common.js';

/** {run}: a state of the followed run is on screen. */
export const RUN_SHOWN = 'leadgen:run-shown';

export function isFinished(run) {
  return ['STOPPED', 'COMPLETED', 'FAILED'].includes(run.status);
}

export function showRun(run) {
  const view = run; // stages, progress, costs and summary: the run's pipeline describes itself
  $('run-progress').hidden = false;
  $('run-title').textContent = `#${run.id} „${run.keyword ?? ''}“`;
  showStatus(run.status);
  $('run-stages').replaceChildren(...(view.stages ?? []).map(stageItem));
  $('run-bar').style.width = `${view.progress}%`;
  $('run-bar-track').setAttribute('aria-valuenow', view.progress);
  $('run-costs').textContent = view.costs ?? '';
  $('run-warning').hidden = !run.warning;
  $('run-warning').textContent = run.warning || '';
  $('run-error').hidden = !run.error;
  $('run-error').textContent = run.error || '';
  $('stop-button').hidden = isFinished(run) || run.stopRequested;
  $('emergency-button').hidden = isFinished(run);
  $('resume-button').hidden = !['STOPPED', 'FAILED'].includes(run.status);
  emit(RUN_SHOWN, { run });
}

/** After NOTFALL STOPP: the page shows the run stopped at once, before the server confirms it. */
export function showStopped() {
  showStatus('STOPPED');
  $('stop-button').hidden = true;
  $('emergency-button').hidden = true;
  $('resume-button').hidden = false;
}

function showStatus(status) {
  $('run-status').textContent = t(`run.status.${status}`);
  $('run-status').className = `status-badge ${status}`;
}

/** One stage: „Profile: 12 von 40 …“; state is done, active or pending. */
function stageItem(stage) {
  const li = el('li', { className: stage.state, attrs: { 'data-stage': stage.name } });
  li.append(
    el('span', { className: 'stage-name', text: `${stage.label}:` }),
    ' ',
    el('span', { className: 'stage-count', text: stage.detail ?? '' }),
  );
  return li;
}

export function announceEnd(run) {
  if (run.status === 'COMPLETED') toast(run.summary ?? t('run.completed.plain', { id: run.id }), 'success');
  if (run.status === 'STOPPED') toast(t('run.stopped', { id: run.id }));
  if (run.status === 'FAILED') toast(t('run.failed', { id: run.id, error: run.error || '' }), 'error', 12000);
}
