// Follows one run live: its states are pushed as Server-Sent Events, polling is only the fallback.
// Every state is shown (run-progress.js), and the leads table is told now and then to load the new rows.
import { api, emit } from './common.js';
import { announceEnd, isFinished, showRun } from './run-progress.js';

/** {id}: the newest run, for the table's „Nur letzter Lauf". */
export const LATEST_RUN = 'leadgen:latest-run';
/** {force}: the run found more leads, the table should load again (force: even while someone types in it). */
export const LEADS_STALE = 'leadgen:leads-stale';

const POLL_MS = 1000;
const TABLE_REFRESH_MS = 2000;
// runId: the run the buttons act on; following: the run whose states are shown; stoppedByHand: a run
// stopped by NOTFALL STOPP, which stays shown as stopped until the server reports it finished
const state = { runId: null, following: null, stoppedByHand: null, source: null, pollTimer: null };

/** The run the stop, NOTFALL STOPP and resume buttons act on. */
export function currentRunId() {
  return state.runId;
}

/** Keeps the page showing run id as stopped, whatever „running“ states still arrive (null: no longer). */
export function holdAsStopped(id) {
  state.stoppedByHand = id;
}

/** Shows run and follows it until it finishes; quiet: no toast at its end. */
export function followRun(run, { quiet = false } = {}) {
  stopFollowing();
  state.runId = run.id;
  state.following = run.id;
  emit(LATEST_RUN, { id: run.id });
  if (!(quiet && held(run))) showRun(run);
  let lastTableRefresh = 0;
  listen(run.id, (current) => {
    if (state.following !== current.id || held(current)) return; // another run took over, or it is being stopped
    const finished = isFinished(current);
    if (finished) state.stoppedByHand = null;
    showRun(current);
    if (finished || Date.now() - lastTableRefresh > TABLE_REFRESH_MS) {
      lastTableRefresh = Date.now();
      emit(LEADS_STALE, { force: finished });
    }
    if (finished) {
      stopFollowing();
      if (!quiet) announceEnd(current);
    }
  });
}

function held(run) {
  return state.stoppedByHand === run.id && !isFinished(run);
}

function listen(id, onState) {
  if (!window.EventSource) {
    poll(id, onState);
    return;
  }
  const source = new EventSource(`/api/runs/${id}/events`);
  state.source = source;
  source.addEventListener('run', (event) => onState(JSON.parse(event.data)));
  source.onerror = () => {
    source.close();
    if (state.source !== source) return;
    state.source = null;
    if (state.following === id) poll(id, onState);
  };
}

function poll(id, onState) {
  const tick = async () => {
    try {
      onState(await api(`/api/runs/${id}`));
    } catch (e) {
      // a slow or restarting server: keep the last state on screen and try again
    }
    if (state.following === id) state.pollTimer = setTimeout(tick, POLL_MS);
  };
  state.pollTimer = setTimeout(tick, POLL_MS);
}

export function stopFollowing() {
  clearTimeout(state.pollTimer);
  if (state.source) state.source.close();
  state.source = null;
  state.following = null;
}
