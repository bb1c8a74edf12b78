// Shows the followed run: title, status, its stages with their counts, the progress bar, the costs line and
// the buttons that fit its state, all from the server's description of the run; and the toast at its end.
import { $, el, emit, t, toast } from './common.js';

/** {run}: a state of the followed run is on screen. */
export const RUN_SHOWN = 'leadgen:run-shown';

export function isFinished(run) {
  return ['STOPPED', 'COMPLETED', 'FAILED'].includes(run.status);
}

/** {stages, progress, costs, summary} as the server sends them with the run; older servers send none. */
function describe(run) {
  return Array.isArray(run.stages) ? run : legacyDescription(run);
}

export function showRun(run) {
  const view = describe(run);
  $('run-progress').hidden = false;
  $('run-title').textContent = `#${run.id} „${run.keyword ?? ''}“`;
  showStatus(run.status);
  $('run-stages').replaceChildren(...view.stages.map(stageItem));
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
  if (run.status === 'COMPLETED') toast(describe(run).summary ?? t('run.completed.plain', { id: run.id }), 'success');
  if (run.status === 'STOPPED') toast(t('run.stopped', { id: run.id }));
  if (run.status === 'FAILED') toast(t('run.failed', { id: run.id, error: run.error || '' }), 'error', 12000);
}

// ==================== TEMPORARY: legacyDescription ====================
// The server does not describe its runs yet (stages, progress, costs, summary of GET /api/runs/{id} and the
// SSE run events). Until it does, this works the description out of the run's counts, as the page always
// did. Delete this function, and its call in describe(), once the server sends those fields.
export function legacyDescription(run) {
  const places = run.source === 'places';
  const names = places ? ['PLACES', 'QUALIFY'] : ['CRAWL', 'PROFILES', 'WEBSEARCH', 'WEBSITES'];
  const c = run.counts;
  const profilesDone = c.profilesEnriched + c.profilesNotFound + c.profilesFailed + c.profilesCached;
  const detail = {
    CRAWL: () => t('run.counts.crawl', c),
    PROFILES: () => t('run.counts.profiles', { done: profilesDone, total: c.usernames, enriched: c.profilesEnriched, notFound: c.profilesNotFound, failed: c.profilesFailed, cached: c.profilesCached })
      + (c.batches > 1 ? ` – ${t('run.counts.batch', c)}` : ''),
    WEBSEARCH: () => t('run.counts.websearch', { done: c.websearchDone + c.websearchFailed, total: c.websearchTotal, failed: c.websearchFailed }),
    WEBSITES: () => t('run.counts.websites', c),
    PLACES: () => t('run.counts.places', { done: c.placesSearches, total: c.placesSearchesTotal, found: c.placesFound, fresh: c.placesNew, known: c.placesKnown }),
    QUALIFY: () => t('run.counts.qualify', { done: c.qualified + c.disqualified, total: c.placesNew, qualified: c.qualified, disqualified: c.disqualified, sites: c.sitesChecked, emails: c.emailsFound }),
  };
  const current = run.stage === 'DONE' ? names.length : names.indexOf(run.stage);
  const stages = names.map((name, i) => ({
    name,
    label: t(`run.stage.${name}`),
    detail: i <= current ? detail[name]() : '',
    state: i < current || run.status === 'COMPLETED' ? 'done' : (i === current && !isFinished(run) ? 'active' : 'pending'),
  }));
  const part = (done, total) => (total ? done / total : 0);
  const weights = {
    CRAWL: () => 10,
    PROFILES: () => 15 + Math.round(55 * part(profilesDone, c.usernames)),
    WEBSEARCH: () => 70 + Math.round(25 * part(c.websearchDone + c.websearchFailed, c.websearchTotal)),
    WEBSITES: () => 95,
    PLACES: () => 5 + Math.round(45 * part(c.placesSearches, c.placesSearchesTotal)),
    QUALIFY: () => 50 + Math.round(50 * part(c.qualified + c.disqualified, c.placesNew)),
  };
  const progress = run.status === 'COMPLETED' ? 100 : (weights[run.stage]?.() ?? 5);
  const costs = places
    ? t('run.costs.places', { places: run.calls?.places ?? 0 })
    : t('run.costs', { apify: run.calls?.apify ?? 0, perplexity: run.calls?.perplexity ?? 0, cacheHits: run.cacheHits ?? 0 });
  let summary = null;
  if (run.status === 'COMPLETED') {
    summary = places
      ? t('run.completed.places', { id: run.id, fresh: c.placesNew, qualified: c.qualified })
      : t('run.completed', { id: run.id, findings: c.findings });
  }
  return { stages, progress, costs, summary };
}
// ==================== end of TEMPORARY ====================
