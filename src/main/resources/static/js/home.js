// The main page: session modal, keyword run with live progress, the sortable, paged leads table and its exports.
import { api, busy, t, toast } from './common.js';

const PAGE_SIZE = 50;
const POLL_MS = 1000;
const state = { page: 0, sort: 'foundAt', dir: 'desc', runId: null, latestRunId: null, onlyLatest: false, sourceFilter: '', pollTimer: null };
const COLUMNS = 13;
// what the user typed into the e-mail fields, by username: survives the table's refreshes during a run
const drafts = new Map();

const $ = (id) => document.getElementById(id);

// ---------- session modal ----------
function openSessionModal() {
  $('session-modal').classList.add('open');
  $('session-input').focus();
}
function closeSessionModal() {
  $('session-modal').classList.remove('open');
}

$('session-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = $('session-error');
  error.hidden = true;
  await busy($('session-save'), async () => {
    try {
      await api('/session', { method: 'POST', body: { sessionId: $('session-input').value } });
      $('session-input').value = '';
      closeSessionModal();
      toast(t('session.saved'), 'success');
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
});
// „Ohne Session" holds for this tab: coming back from another page does not ask again
const SKIPPED = 'leadgen.sessionSkipped';
$('session-skip').addEventListener('click', () => {
  sessionStorage.setItem(SKIPPED, 'true');
  closeSessionModal();
});
$('change-session').addEventListener('click', openSessionModal);

// ---------- runs ----------
$('run-form').addEventListener('submit', async (event) => {
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
});

$('places-button').addEventListener('click', async () => {
  await busy($('places-button'), async () => {
    try {
      const run = await api('/api/runs', { method: 'POST', body: { source: 'places' } });
      toast(t('places.started', { id: run.id }), 'success');
      followRun(run);
    } catch (e) {
      toast(e.message, 'error', 12000);
    }
  });
});

$('stop-button').addEventListener('click', async () => {
  if (!state.runId) return;
  await busy($('stop-button'), async () => {
    try {
      renderRun(await api(`/api/runs/${state.runId}/stop`, { method: 'POST' }));
      toast(t('run.stopRequested'));
    } catch (e) {
      toast(e.message, 'error');
    }
  });
});

function followRun(run, { quiet = false } = {}) {
  state.runId = run.id;
  state.latestRunId = run.id;
  state.following = run.id;
  if (!(quiet && state.emergencyPending === run.id && !isFinished(run))) renderRun(run);
  stopFollowing();
  state.following = run.id;
  let lastTableRefresh = 0;
  const onState = (current) => {
    if (state.following !== current.id) return; // another run took over
    // after an emergency stop the page stays reset until the server reports the run finished
    if (state.emergencyPending === current.id && !isFinished(current)) return;
    if (isFinished(current)) state.emergencyPending = null;
    renderRun(current);
    const now = Date.now();
    const finished = isFinished(current);
    if (finished || now - lastTableRefresh > 2000) {
      lastTableRefresh = now;
      loadLeads({ force: finished });
    }
    if (finished) {
      stopFollowing();
      if (!quiet) announceEnd(current);
    }
  };
  // live progress is pushed (Server-Sent Events); polling is only the fallback
  if (window.EventSource) {
    const source = new EventSource(`/api/runs/${run.id}/events`);
    state.source = source;
    source.addEventListener('run', (event) => onState(JSON.parse(event.data)));
    source.onerror = () => {
      source.close();
      if (state.source === source) {
        state.source = null;
        if (state.following === run.id) poll(run.id, onState);
      }
    };
  } else {
    poll(run.id, onState);
  }
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

function stopFollowing() {
  clearTimeout(state.pollTimer);
  if (state.source) state.source.close();
  state.source = null;
  state.following = null;
}

/** The emergency stop resets the page at once; the server's answer only confirms it. */
async function emergencyStop(url) {
  const id = state.runId;
  stopFollowing();
  state.emergencyPending = id;
  if (id) {
    const status = $('run-status');
    status.textContent = t('run.status.STOPPED');
    status.className = 'status-badge STOPPED';
    $('stop-button').hidden = true;
    $('emergency-button').hidden = true;
    $('resume-button').hidden = false;
  }
  $('run-button').disabled = false;
  toast(t('run.emergencySent'), 'error');
  try {
    const answer = await api(url, { method: 'POST', timeoutMs: 4000 });
    const stopped = answer && 'stopped' in answer ? answer.stopped : 1;
    toast(t('run.emergencyConfirmed', { stopped }), 'success');
    if (id) followRun(await api(`/api/runs/${id}`), { quiet: true });
    loadLeads();
  } catch (e) {
    toast(t('run.emergencyUnconfirmed', { error: e.message }), 'error', 12000);
  }
}

$('emergency-button').addEventListener('click', () => state.runId && emergencyStop(`/api/runs/${state.runId}/emergency-stop`));
$('emergency-all').addEventListener('click', () => emergencyStop('/api/runs/emergency-stop'));
$('resume-button').addEventListener('click', async () => {
  if (!state.runId) return;
  await busy($('resume-button'), async () => {
    try {
      state.emergencyPending = null;
      const run = await api(`/api/runs/${state.runId}/resume`, { method: 'POST' });
      toast(t('run.resumed', { id: run.id }), 'success');
      followRun(run);
    } catch (e) {
      toast(e.message, 'error');
    }
  });
});

function announceEnd(run) {
  if (run.status === 'COMPLETED' && run.source === 'places') {
    toast(t('run.completed.places', { id: run.id, fresh: run.counts.placesNew, qualified: run.counts.qualified }), 'success');
  } else if (run.status === 'COMPLETED') toast(t('run.completed', { id: run.id, findings: run.counts.findings }), 'success');
  if (run.status === 'STOPPED') toast(t('run.stopped', { id: run.id }));
  if (run.status === 'FAILED') toast(t('run.failed', { id: run.id, error: run.error || '' }), 'error', 12000);
}

const INSTAGRAM_STAGES = ['CRAWL', 'PROFILES', 'WEBSEARCH', 'WEBSITES'];
const PLACES_STAGES = ['PLACES', 'QUALIFY'];

function renderRun(run) {
  const STAGES = run.source === 'places' ? PLACES_STAGES : INSTAGRAM_STAGES;
  $('run-progress').hidden = false;
  $('run-title').textContent = `#${run.id} „${run.keyword ?? ''}“`;
  const status = $('run-status');
  status.textContent = t(`run.status.${run.status}`);
  status.className = `status-badge ${run.status}`;
  const c = run.counts;
  const profilesDone = c.profilesEnriched + c.profilesNotFound + c.profilesFailed + c.profilesCached;
  const counts = {
    CRAWL: t('run.counts.crawl', c),
    PROFILES: t('run.counts.profiles', { done: profilesDone, total: c.usernames, enriched: c.profilesEnriched, notFound: c.profilesNotFound, failed: c.profilesFailed, cached: c.profilesCached })
      + (c.batches > 1 ? ` – ${t('run.counts.batch', c)}` : ''),
    WEBSEARCH: t('run.counts.websearch', { done: c.websearchDone + c.websearchFailed, total: c.websearchTotal, failed: c.websearchFailed }),
    WEBSITES: t('run.counts.websites', c),
    PLACES: t('run.counts.places', { done: c.placesSearches, total: c.placesSearchesTotal, found: c.placesFound, fresh: c.placesNew, known: c.placesKnown }),
    QUALIFY: t('run.counts.qualify', { done: c.qualified + c.disqualified, total: c.placesNew, qualified: c.qualified, disqualified: c.disqualified, sites: c.sitesChecked, emails: c.emailsFound }),
  };
  const current = run.stage === 'DONE' ? STAGES.length : STAGES.indexOf(run.stage);
  document.querySelectorAll('.stages li').forEach((li) => {
    const i = STAGES.indexOf(li.dataset.stage);
    li.hidden = i < 0;
    li.querySelector('.stage-name').textContent = t(`run.stage.${li.dataset.stage}`) + ':';
    li.querySelector('.stage-count').textContent = i <= current ? counts[li.dataset.stage] : '';
    li.classList.toggle('active', i === current && !isFinished(run));
    li.classList.toggle('done', i < current || run.status === 'COMPLETED');
  });
  $('run-bar').style.width = `${progressPercent(run, profilesDone)}%`;
  renderSelection(run);
  $('run-costs').textContent = run.source === 'places'
    ? t('run.costs.places', { places: run.calls?.places ?? 0 })
    : t('run.costs', { apify: run.calls?.apify ?? 0, perplexity: run.calls?.perplexity ?? 0, cacheHits: run.cacheHits ?? 0 });
  $('run-warning').hidden = !run.warning;
  $('run-warning').textContent = run.warning || '';
  $('run-error').hidden = !run.error;
  $('run-error').textContent = run.error || '';
  $('stop-button').hidden = isFinished(run) || run.stopRequested;
  $('emergency-button').hidden = isFinished(run);
  $('resume-button').hidden = !['STOPPED', 'FAILED'].includes(run.status);
}

function isFinished(run) {
  return ['STOPPED', 'COMPLETED', 'FAILED'].includes(run.status);
}

function progressPercent(run, profilesDone) {
  if (run.status === 'COMPLETED') return 100;
  const c = run.counts;
  const profiles = c.usernames ? profilesDone / c.usernames : 0;
  const search = c.websearchTotal ? (c.websearchDone + c.websearchFailed) / c.websearchTotal : 0;
  const searches = c.placesSearchesTotal ? c.placesSearches / c.placesSearchesTotal : 0;
  const scored = c.placesNew ? (c.qualified + c.disqualified) / c.placesNew : 0;
  switch (run.stage) {
    case 'PLACES': return 5 + Math.round(45 * searches);
    case 'QUALIFY': return 50 + Math.round(50 * scored);
    case 'WEBSITES': return 95;
    case 'CRAWL': return 10;
    case 'PROFILES': return 15 + Math.round(55 * profiles);
    case 'WEBSEARCH': return 70 + Math.round(25 * search);
    default: return 5;
  }
}

// ---------- hashtag selection (the run waits after its crawl) ----------
function renderSelection(run) {
  const form = $('selection');
  if (run.status !== 'AWAITING_SELECTION') {
    form.hidden = true;
    return;
  }
  if (!form.hidden && form.dataset.run === String(run.id)) return; // keep the user's ticks
  form.dataset.run = run.id;
  const items = (run.hashtags || []).map((h) => {
    const li = document.createElement('li');
    const label = document.createElement('label');
    label.className = 'form-check-label d-flex gap-2 align-items-center fw-normal';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'form-check-input m-0';
    box.value = h.name;
    box.checked = h.newUsernames > 0;
    const text = document.createElement('span');
    text.textContent = t('run.selection.row', { name: h.name, posts: h.posts == null ? '–' : Number(h.posts).toLocaleString(), usernames: h.usernames, newUsernames: h.newUsernames });
    label.append(box, text);
    li.append(label);
    return li;
  });
  $('selection-list').replaceChildren(...items);
  form.hidden = false;
}

$('selection').addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = Number($('selection').dataset.run);
  const selected = [...document.querySelectorAll('#selection-list input:checked')].map((b) => b.value);
  await busy($('selection-continue'), async () => {
    try {
      const run = await api(`/api/runs/${id}/hashtags`, { method: 'POST', body: { selected } });
      toast(t('run.selection.sent', { count: selected.length }), 'success');
      $('selection').hidden = true;
      followRun(run);
    } catch (e) {
      toast(e.message, 'error');
    }
  });
});

// ---------- leads table ----------
document.querySelectorAll('button.sort').forEach((button) => {
  button.title = `${t('leads.sortBy')}: ${button.textContent}`;
  button.addEventListener('click', () => {
    const field = button.dataset.sort;
    state.dir = state.sort === field && state.dir === 'asc' ? 'desc' : 'asc';
    state.sort = field;
    state.page = 0;
    loadLeads();
  });
});
$('page-prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); loadLeads(); });
$('page-next').addEventListener('click', () => { state.page += 1; loadLeads(); });
$('only-latest-run').addEventListener('change', (e) => { state.onlyLatest = e.target.checked; state.page = 0; loadLeads(); });
$('source-filter').addEventListener('change', (e) => { state.sourceFilter = e.target.value; state.page = 0; loadLeads(); });

/** The table's filter and sort as query parameters: the same for the page and for every export. */
function filterParams() {
  const params = new URLSearchParams({ sort: `${state.sort},${state.dir}` });
  if (state.onlyLatest && state.latestRunId) params.set('runId', state.latestRunId);
  if (state.sourceFilter) params.set('source', state.sourceFilter);
  return params;
}

let loading = null;
async function loadLeads({ force = true } = {}) {
  // a refresh while someone types into an e-mail field would steal the focus: wait for the next one
  if (!force && document.activeElement?.closest('#leads-body')) return;
  const params = filterParams();
  params.set('page', state.page);
  params.set('size', PAGE_SIZE);
  updateExportLinks();
  const request = api(`/api/leads?${params}`);
  loading = request;
  try {
    const data = await request;
    if (loading !== request) return; // a newer request has been made meanwhile
    renderLeads(data);
  } catch (e) {
    toast(e.message, 'error');
  }
}

function renderLeads(data) {
  const body = $('leads-body');
  const rows = data.items.flatMap((lead, i) => {
    // Places leads have no Instagram account to draft for: one row each
    const pair = lead.source === 'places' ? [placeRow(lead)] : [leadRow(lead), emailRow(lead)];
    if (i % 2 === 1) pair.forEach((tr) => tr.classList.add('stripe'));
    return pair;
  });
  body.replaceChildren(...rows);
  const pages = Math.max(1, Math.ceil(data.total / data.size));
  if (state.page >= pages && data.total > 0) { state.page = pages - 1; loadLeads(); return; }
  $('leads-empty').hidden = data.total > 0;
  $('leads-total').textContent = t('leads.total', { total: data.total.toLocaleString() });
  $('page-info').textContent = t('leads.page', { page: state.page + 1, pages });
  $('page-prev').disabled = state.page === 0;
  $('page-next').disabled = state.page + 1 >= pages;
  document.querySelectorAll('button.sort').forEach((b) => {
    if (b.dataset.sort === state.sort) b.dataset.dir = state.dir; else delete b.dataset.dir;
  });
}

function leadRow(lead) {
  const tr = document.createElement('tr');
  tr.className = 'lead';
  tr.dataset.username = lead.username;
  if (lead.duplicate) tr.classList.add('duplicate');
  tr.append(
    cell(link(`@${lead.username}`, lead.profileUrl)),
    cell(lead.fullName),
    cell(lead.bio, 'bio'),
    cell(withSource(lead.email ? link(lead.email, `mailto:${lead.email}`) : null, lead.emailSource), 'contact'),
    cell(withSource(lead.phone, lead.phoneSource), 'contact'),
    cell(withSource(lead.website ? link(lead.website, lead.website) : null, lead.websiteSource), 'contact'),
    cell(lead.followers == null ? '' : Number(lead.followers).toLocaleString(), 'num'),
    cell(`#${lead.hashtag}`),
    cell(lead.keyword),
    cell(lead.foundAt ? new Date(lead.foundAt).toLocaleString() : '', 'date'),
    cell(String(lead.runId), 'num'),
    cell(null),
    cell(null),
  );
  return tr;
}

/** A Google Places lead: name with its Maps link, category, city and address, rating, status, score with its reasons. */
function placeRow(lead) {
  const tr = document.createElement('tr');
  tr.className = 'lead place';
  tr.dataset.placeId = lead.placeId;
  const name = document.createElement('span');
  name.className = 'place-name';
  name.append(link(lead.name, lead.mapsUrl));
  const badge = document.createElement('span');
  badge.className = 'source-badge';
  badge.textContent = t('places.source');
  name.append(' ', badge);
  const where = document.createElement('span');
  const city = document.createElement('strong');
  city.textContent = lead.city ?? '';
  where.append(city);
  if (lead.address) where.append(document.createElement('br'), document.createTextNode(lead.address));
  const rating = lead.rating == null ? ''
    : t('places.rating', { rating: Number(lead.rating).toLocaleString(undefined, { minimumFractionDigits: 1 }), count: lead.reviewCount == null ? '–' : Number(lead.reviewCount).toLocaleString() });
  tr.append(
    cell(name),
    cell(categoryAndRating(lead.category, rating), 'category'),
    cell(where, 'address'),
    cell(emailWithSource(lead), 'contact'),
    cell(withSource(lead.phone, lead.phoneSource), 'phone'),
    cell(withSource(lead.website ? link(lead.website, lead.website) : null, lead.websiteSource), 'contact'),
    cell(''),
    cell(''),
    cell(lead.keyword),
    cell(lead.foundAt ? new Date(lead.foundAt).toLocaleString() : '', 'date'),
    cell(String(lead.runId), 'num'),
    cell(statusBadge(lead.status)),
    cell(scoreWithReasons(lead), 'score'),
  );
  return tr;
}

function categoryAndRating(category, rating) {
  const span = document.createElement('span');
  // the German (or English) name of a known Places type, as on „Orte & Zeitplan"; any other type by its id
  const label = category ? t(`category.${category}`) : '';
  span.append(document.createTextNode(label.startsWith('category.') ? category : label));
  if (category && !label.startsWith('category.')) span.title = category;
  if (rating) {
    const r = document.createElement('span');
    r.className = 'rating';
    r.textContent = rating;
    span.append(r);
  }
  return span;
}

function statusBadge(status) {
  if (!status) return null;
  const span = document.createElement('span');
  span.className = `lead-status ${status}`;
  span.textContent = t(`places.status.${status}`);
  return span;
}

/** „72“ and a „warum 72?“ that opens the rules that fired, each with its points. */
function scoreWithReasons(lead) {
  if (lead.score == null) return null;
  const box = document.createElement('div');
  const total = document.createElement('strong');
  total.className = 'score-total';
  total.textContent = String(lead.score);
  const why = document.createElement('details');
  why.className = 'score-why';
  const summary = document.createElement('summary');
  summary.textContent = t('places.why', { score: lead.score });
  summary.title = t('places.whyTitle', { score: lead.score });
  const list = document.createElement('ul');
  list.className = 'score-reasons';
  for (const reason of lead.scoreReasons || []) {
    const li = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = t(`places.rule.${reason.rule}`);
    const points = document.createElement('span');
    points.className = 'points';
    points.textContent = t('places.points', { points: reason.points });
    li.append(label, ' ', points);
    list.append(li);
  }
  if (!list.children.length) {
    const li = document.createElement('li');
    li.textContent = t('places.noReasons');
    list.append(li);
  }
  why.append(summary, list);
  box.append(total, ' ', why);
  return box;
}

/** The e-mail with its source; a guessed address says so and is never shown as found. */
function emailWithSource(lead) {
  if (!lead.email) return null;
  const value = withSource(link(lead.email, `mailto:${lead.email}`), lead.emailGuessed ? null : lead.emailSource);
  if (lead.emailGuessed) {
    const mark = document.createElement('span');
    mark.className = 'guessed';
    mark.textContent = t('places.guessed');
    mark.title = t('places.guessedTitle');
    value.append(mark);
  }
  if (lead.emailCheck) {
    const check = document.createElement('span');
    check.className = `email-check ${lead.emailCheck}`;
    check.textContent = t(`places.check.${lead.emailCheck}`);
    value.append(check);
  }
  return value;
}

// ---------- e-mail drafts and sending ----------
function emailRow(lead) {
  const tr = document.createElement('tr');
  tr.className = 'email-row';
  tr.dataset.for = lead.username;
  if (lead.duplicate) tr.classList.add('duplicate');
  const td = document.createElement('td');
  td.colSpan = COLUMNS;
  td.append($('email-editor-template').content.cloneNode(true));
  tr.append(td);

  const subject = td.querySelector('.email-subject');
  const body = td.querySelector('.email-body');
  const typed = drafts.get(lead.username);
  subject.value = typed ? typed.subject : (lead.draftSubject || '');
  body.value = typed ? typed.body : (lead.draftBody || '');
  const remember = () => drafts.set(lead.username, { subject: subject.value, body: body.value });
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
      drafts.set(username, { subject: draft.subject, body: draft.body });
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
      drafts.delete(username);
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
  const badge = container.querySelector('.sent-badge');
  const sendButton = container.querySelector('.send-button');
  if (!sentAt) return;
  badge.textContent = t('email.sentAt', { time: new Date(sentAt).toLocaleString() });
  badge.hidden = false;
  sendButton.hidden = true;
}

// ---------- settings panel ----------
async function loadSettings() {
  try {
    const [prompts, ai, batches] = await Promise.all([
      api('/api/settings/prompts'), api('/api/settings/ai'), api('/api/settings/runs'),
    ]);
    $('batch-size').value = batches.batchSize;
    $('batch-pause').value = batches.batchPauseSeconds;
    $('prompt-system').value = prompts.system;
    $('prompt-user').value = prompts.user;
    $('ai-model').value = ai.model;
  } catch (e) {
    toast(e.message, 'error');
  }
}
$('settings-panel').addEventListener('toggle', () => { if ($('settings-panel').open) loadSettings(); });
$('settings-form').addEventListener('submit', async (event) => {
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
      toast(t('settings.saved'), 'success');
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      toast(e.message, 'error');
    }
  });
});

/** A table cell; strings become text nodes, so scraped HTML is shown, never run. */
function cell(content, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  if (content instanceof Node) td.append(content);
  else if (content != null) td.textContent = content;
  return td;
}

function link(text, href) {
  const safe = /^(https?:|mailto:)/i.test(href || '');
  if (!safe) return document.createTextNode(text);
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  if (!href.startsWith('mailto:')) { a.target = '_blank'; a.rel = 'noopener noreferrer nofollow'; }
  return a;
}

function withSource(value, source) {
  if (value == null || value === '') return null;
  const span = document.createElement('span');
  span.append(value instanceof Node ? value : document.createTextNode(value));
  if (source) {
    const s = document.createElement('span');
    s.className = 'source';
    // "apify:8WEn9FvZnhE7lM3oA" → "apify"; the full source (actor, model, page) is in the tooltip
    s.textContent = `${t('leads.source')}: ${shortSource(source)}`;
    s.title = source;
    span.append(s);
  }
  return span;
}

/** "apify:8WEn9…" → "apify"; "website:https://www.firma.de/kontakt/" → "website firma.de/kontakt/" (the page it was found on). */
function shortSource(source) {
  const [kind, ...rest] = source.split(':');
  if (kind !== 'website' || !rest.length) return kind;
  const page = rest.join(':').replace(/^https?:\/\/(www\.)?/i, '');
  return `${kind} ${page.length > 40 ? `${page.slice(0, 39)}…` : page}`;
}

// ---------- exports ----------
/** The download links carry what the table shows, so the file has the same rows in the same order. */
function updateExportLinks() {
  for (const format of ['csv', 'xlsx']) {
    const params = filterParams();
    params.set('format', format);
    $(`export-${format}`).href = `/export?${params}`;
  }
}

$('export-sheets').addEventListener('click', async () => {
  await busy($('export-sheets'), async () => {
    try {
      // thousands of rows go to Google in chunks: allow far more than the usual 15 s
      const result = await api(`/export/sheets?${filterParams()}`, { method: 'POST', timeoutMs: 300000 });
      const note = toast(`${t('export.sheets.done')} `, 'success', 30000);
      note.append(link(t('export.sheets.open'), result.url));
    } catch (e) {
      toast(e.message, 'error', 12000);
    }
  });
});

// ---------- start ----------
async function init() {
  if (document.body.dataset.needsSession === 'true' && sessionStorage.getItem(SKIPPED) !== 'true') openSessionModal();
  try {
    const runs = await api('/api/runs');
    if (runs.length) {
      state.latestRunId = runs[0].id;
      if (!isFinished(runs[0])) followRun(runs[0]);
    }
  } catch (e) {
    toast(e.message, 'error');
  }
  loadLeads();
}
init();
