// The main page: session modal, keyword run with live progress, the sortable, paged leads table and its exports.
import { api, busy, t, toast } from './common.js';

const PAGE_SIZE = 50;
const POLL_MS = 1000;
const state = { page: 0, sort: 'foundAt', dir: 'desc', runId: null, latestRunId: null, onlyLatest: false, pollTimer: null };

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
$('session-skip').addEventListener('click', closeSessionModal);
$('change-session').addEventListener('click', openSessionModal);

// ---------- runs ----------
$('run-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = $('keyword-error');
  error.hidden = true;
  await busy($('run-button'), async () => {
    try {
      const run = await api('/api/runs', { method: 'POST', body: { keyword: $('keyword').value } });
      toast(t('run.started', { id: run.id }), 'success');
      followRun(run);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      toast(e.message, 'error');
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

function followRun(run) {
  state.runId = run.id;
  state.latestRunId = run.id;
  renderRun(run);
  clearTimeout(state.pollTimer);
  let lastTableRefresh = 0;
  const poll = async () => {
    try {
      const current = await api(`/api/runs/${run.id}`);
      renderRun(current);
      const now = Date.now();
      const finished = ['STOPPED', 'COMPLETED', 'FAILED'].includes(current.status);
      if (finished || now - lastTableRefresh > 2000) {
        lastTableRefresh = now;
        loadLeads();
      }
      if (finished) {
        announceEnd(current);
        return;
      }
    } catch (e) {
      // a slow or restarting server: keep the last state on screen and try again
    }
    state.pollTimer = setTimeout(poll, POLL_MS);
  };
  state.pollTimer = setTimeout(poll, POLL_MS / 2);
}

function announceEnd(run) {
  if (run.status === 'COMPLETED') toast(t('run.completed', { id: run.id, findings: run.counts.findings }), 'success');
  if (run.status === 'STOPPED') toast(t('run.stopped', { id: run.id }));
  if (run.status === 'FAILED') toast(t('run.failed', { id: run.id, error: run.error || '' }), 'error', 12000);
}

const STAGES = ['CRAWL', 'PROFILES', 'WEBSEARCH'];

function renderRun(run) {
  $('run-progress').hidden = false;
  $('run-title').textContent = `#${run.id} „${run.keyword ?? ''}“`;
  const status = $('run-status');
  status.textContent = t(`run.status.${run.status}`);
  status.className = `status-badge ${run.status}`;
  const c = run.counts;
  const profilesDone = c.profilesEnriched + c.profilesNotFound + c.profilesFailed;
  const counts = {
    CRAWL: t('run.counts.crawl', c),
    PROFILES: t('run.counts.profiles', { done: profilesDone, total: c.usernames, enriched: c.profilesEnriched, notFound: c.profilesNotFound, failed: c.profilesFailed }),
    WEBSEARCH: t('run.counts.websearch', { done: c.websearchDone + c.websearchFailed, total: c.websearchTotal, failed: c.websearchFailed }),
  };
  const current = run.stage === 'DONE' ? STAGES.length : STAGES.indexOf(run.stage);
  document.querySelectorAll('.stages li').forEach((li) => {
    const i = STAGES.indexOf(li.dataset.stage);
    li.querySelector('.stage-name').textContent = t(`run.stage.${li.dataset.stage}`) + ':';
    li.querySelector('.stage-count').textContent = i <= current ? counts[li.dataset.stage] : '';
    li.classList.toggle('active', i === current && !isFinished(run));
    li.classList.toggle('done', i < current || run.status === 'COMPLETED');
  });
  $('run-bar').style.width = `${progressPercent(run, profilesDone)}%`;
  $('run-warning').hidden = !run.warning;
  $('run-warning').textContent = run.warning || '';
  $('run-error').hidden = !run.error;
  $('run-error').textContent = run.error || '';
  $('stop-button').hidden = isFinished(run) || run.stopRequested;
}

function isFinished(run) {
  return ['STOPPED', 'COMPLETED', 'FAILED'].includes(run.status);
}

function progressPercent(run, profilesDone) {
  if (run.status === 'COMPLETED') return 100;
  const c = run.counts;
  const profiles = c.usernames ? profilesDone / c.usernames : 0;
  const search = c.websearchTotal ? (c.websearchDone + c.websearchFailed) / c.websearchTotal : 0;
  switch (run.stage) {
    case 'CRAWL': return 10;
    case 'PROFILES': return 15 + Math.round(55 * profiles);
    case 'WEBSEARCH': return 70 + Math.round(30 * search);
    default: return 5;
  }
}

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

/** The table's filter and sort as query parameters: the same for the page and for every export. */
function filterParams() {
  const params = new URLSearchParams({ sort: `${state.sort},${state.dir}` });
  if (state.onlyLatest && state.latestRunId) params.set('runId', state.latestRunId);
  return params;
}

let loading = null;
async function loadLeads() {
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
  const rows = data.items.map(leadRow);
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
  tr.dataset.username = lead.username;
  if (lead.duplicate) tr.classList.add('duplicate');
  tr.append(
    cell(link(`@${lead.username}`, lead.profileUrl)),
    cell(lead.fullName),
    cell(lead.bio, 'bio'),
    cell(withSource(lead.email ? link(lead.email, `mailto:${lead.email}`) : null, lead.emailSource)),
    cell(withSource(lead.phone, lead.phoneSource)),
    cell(withSource(lead.website ? link(lead.website, lead.website) : null, lead.websiteSource)),
    cell(lead.followers == null ? '' : Number(lead.followers).toLocaleString(), 'num'),
    cell(`#${lead.hashtag}`),
    cell(lead.keyword),
    cell(lead.foundAt ? new Date(lead.foundAt).toLocaleString() : ''),
    cell(String(lead.runId), 'num'),
  );
  return tr;
}

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
    s.textContent = `${t('leads.source')}: ${source.split(':')[0]}`;
    s.title = source;
    span.append(s);
  }
  return span;
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
  if (document.body.dataset.needsSession === 'true') openSessionModal();
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
