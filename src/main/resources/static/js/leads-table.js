// The leads table: sorting, paging, the source and „Nur letzter Lauf" filters, the column chooser, Instagram
// rows (orange when the username stands in more than one row) and Places rows, each linking to its contact
// in the lead book, where its e-mail is drafted and sent.
import { $, api, el, link, t, toast } from './common.js';
import { initColumns } from './columns.js';
import { cell, clamped, contactLink, dateTime, markClamped, openClampedOnClick, withSource } from './leads-cells.js';
import { placeRow } from './leads-places.js';

const PAGE_SIZE = 50;
// cursors[n]: the cursor that reads page n by key (deep pages cost what the first does); page 0 needs none
const state = { page: 0, sort: 'foundAt', dir: 'desc', latestRunId: null, onlyLatest: false, sourceFilter: '', cursors: [null] };
let onQuery = () => {};
let loading = null;
let applyColumns = () => {};

/** The newest run, the one „Nur letzter Lauf" shows. */
export function setLatestRun(id) {
  state.latestRunId = id;
}

/** The table's filter and sort as query parameters: the same for the page and for every export. */
export function filterParams() {
  const params = new URLSearchParams({ sort: `${state.sort},${state.dir}` });
  if (state.onlyLatest && state.latestRunId) params.set('runId', state.latestRunId);
  if (state.sourceFilter) params.set('source', state.sourceFilter);
  return params;
}

/** Loads the current page; force: even while a value of the table is open or focused. */
export async function loadLeads({ force = true } = {}) {
  // a refresh while someone reads an opened value or has focus in the table would take it away: wait
  if (!force && (document.activeElement?.closest('#leads-body') || document.querySelector('#leads-body .clamp.open'))) return;
  const params = filterParams();
  const cursor = state.cursors[state.page];
  if (cursor) params.set('cursor', cursor);
  else params.set('page', state.page);
  params.set('size', PAGE_SIZE);
  onQuery();
  const request = api(`/api/leads?${params}`);
  loading = request;
  try {
    const data = await request;
    if (loading !== request) return; // a newer request has been made meanwhile
    render(data);
  } catch (e) {
    toast(e.message, 'error');
  }
}

function render(data) {
  const body = $('leads-body');
  body.replaceChildren(...data.items.map((lead, i) => {
    const tr = lead.source === 'places' ? placeRow(lead) : leadRow(lead);
    if (i % 2 === 1) tr.classList.add('stripe');
    return tr;
  }));
  applyColumns();
  markClamped(body);
  const pages = Math.max(1, Math.ceil(data.total / data.size));
  if (state.page >= pages && data.total > 0 && !data.totalIsEstimate) {
    state.page = pages - 1;
    state.cursors = [null];
    loadLeads();
    return;
  }
  state.cursors[state.page + 1] = data.next || null;
  // above 10,000 rows the server estimates the total instead of counting for seconds
  const about = data.totalIsEstimate ? '≈ ' : '';
  $('leads-empty').hidden = data.total > 0;
  $('leads-total').textContent = t('leads.total', { total: `${about}${data.total.toLocaleString()}` });
  $('page-info').textContent = t('leads.page', { page: state.page + 1, pages: `${about}${pages}` });
  $('page-prev').disabled = state.page === 0;
  $('page-next').disabled = !data.next && state.page + 1 >= pages;
  document.querySelectorAll('button.sort').forEach((b) => {
    if (b.dataset.sort === state.sort) b.dataset.dir = state.dir;
    else delete b.dataset.dir;
  });
}

function leadRow(lead) {
  const tr = el('tr', { className: lead.duplicate ? 'lead duplicate' : 'lead' });
  tr.dataset.username = lead.username;
  tr.append(
    cell(link(`@${lead.username}`, lead.profileUrl), 'name'),
    cell(clamped(lead.fullName), 'name'),
    cell(clamped(lead.bio), 'bio'),
    cell(withSource(lead.email ? link(lead.email, `mailto:${lead.email}`) : null, lead.emailSource), 'contact'),
    cell(withSource(lead.phone, lead.phoneSource), 'contact'),
    cell(withSource(lead.website ? link(lead.website, lead.website) : null, lead.websiteSource), 'contact'),
    cell(lead.followers == null ? '' : Number(lead.followers).toLocaleString(), 'num'),
    cell(`#${lead.hashtag}`, 'tag'),
    cell(lead.keyword, 'tag'),
    cell(dateTime(lead.foundAt), 'date'),
    cell(String(lead.runId), 'num'),
    cell(null),
    cell(null),
    cell(contactLink(lead.contactId), 'open'),
  );
  return tr;
}

/** Wires sorting, paging and the filters; onQueryChange runs before every load (the export links follow it). */
export function initLeadsTable({ onQueryChange } = {}) {
  if (onQueryChange) onQuery = onQueryChange;
  const reload = (change) => {
    change();
    state.page = 0;
    state.cursors = [null];
    loadLeads();
  };
  document.querySelectorAll('button.sort').forEach((button) => {
    button.title = `${t('leads.sortBy')}: ${button.textContent}`;
    button.addEventListener('click', () => reload(() => {
      state.dir = state.sort === button.dataset.sort && state.dir === 'asc' ? 'desc' : 'asc';
      state.sort = button.dataset.sort;
    }));
  });
  $('page-prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); loadLeads(); });
  $('page-next').addEventListener('click', () => { state.page += 1; loadLeads(); });
  $('only-latest-run').addEventListener('change', (e) => reload(() => { state.onlyLatest = e.target.checked; }));
  $('source-filter').addEventListener('change', (e) => reload(() => { state.sourceFilter = e.target.value; }));
  openClampedOnClick($('leads-body'));
  applyColumns = initColumns($('leads-table'), $('leads-columns'), 'leads');
}
