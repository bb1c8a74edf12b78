// A paged table of the lead book (contacts, companies): filters, sorting and paging all happen on the
// server; this keeps the state, asks for the page and draws it with the row function it is given.
import { $, api, t, toast } from './common.js';
import { markClamped, openClampedOnClick } from './leads-cells.js';

const PAGE_SIZE = 50;

/**
 * prefix: ids of the page's parts (<prefix>-body, -empty, -total, -page, -prev, -next); url: the API list;
 * row: item → <tr>; afterRender: e.g. the column chooser's apply().
 */
export function bookTable({ prefix, url, row, sort, totalKey, afterRender = () => {}, onQueryChange = () => {} }) {
  // cursors[n]: the cursor that reads page n (by key, so deep pages cost what the first does); page 0 needs none
  const state = { page: 0, sort, dir: sort === 'updatedAt' ? 'desc' : 'asc', filters: {}, cursors: [null] };
  let latest = null;

  /** The table's filters and sort as query parameters (for the list and its export). */
  function query() {
    const params = new URLSearchParams({ sort: `${state.sort},${state.dir}` });
    for (const [name, value] of Object.entries(state.filters)) if (value) params.set(name, value);
    return params;
  }

  async function load() {
    const params = query();
    params.set('size', PAGE_SIZE);
    const cursor = state.cursors[state.page];
    if (cursor) params.set('cursor', cursor);
    else params.set('page', state.page);
    onQueryChange(query());
    const request = api(`${url}?${params}`);
    latest = request;
    $(`${prefix}-total`).textContent = t('book.loading');
    try {
      const data = await request;
      if (latest === request) render(data);
    } catch (e) {
      if (latest === request) {
        $(`${prefix}-total`).textContent = '';
        toast(e.message, 'error');
      }
    }
  }

  function render(data) {
    const body = $(`${prefix}-body`);
    body.replaceChildren(...data.items.map(row));
    afterRender();
    markClamped(body);
    const pages = Math.max(1, Math.ceil(data.total / data.size));
    state.cursors[state.page + 1] = data.next || null;
    // above 10,000 rows the server estimates the total instead of counting for seconds
    const total = `${data.totalIsEstimate ? '≈ ' : ''}${data.total.toLocaleString()}`;
    $(`${prefix}-empty`).hidden = data.items.length > 0 || data.total > 0;
    $(`${prefix}-total`).textContent = t(totalKey, { total });
    $(`${prefix}-page`).textContent = t('leads.page', { page: state.page + 1, pages: `${data.totalIsEstimate ? '≈ ' : ''}${pages}` });
    $(`${prefix}-prev`).disabled = state.page === 0;
    $(`${prefix}-next`).disabled = !data.next && state.page + 1 >= pages;
    document.querySelectorAll(`#${prefix}-table button.sort`).forEach((b) => {
      if (b.dataset.sort === state.sort) b.dataset.dir = state.dir;
      else delete b.dataset.dir;
    });
  }

  document.querySelectorAll(`#${prefix}-table button.sort`).forEach((button) => {
    button.title = `${t('leads.sortBy')}: ${button.textContent}`;
    button.addEventListener('click', () => {
      state.dir = state.sort === button.dataset.sort && state.dir === 'asc' ? 'desc' : 'asc';
      state.sort = button.dataset.sort;
      state.page = 0;
      state.cursors = [null];
      load();
    });
  });
  $(`${prefix}-prev`).addEventListener('click', () => { state.page = Math.max(0, state.page - 1); load(); });
  $(`${prefix}-next`).addEventListener('click', () => { state.page += 1; load(); });
  openClampedOnClick($(`${prefix}-body`));

  return {
    load,
    query,
    /** Sets one filter and loads the first page. */
    filter(name, value) {
      state.filters[name] = value;
      state.page = 0;
      state.cursors = [null];
      return load();
    },
  };
}
