// A paged table of the lead book (contacts, companies): filters, sorting and paging all happen on the
// server; this keeps the state, asks for the page and draws it with the row function it is given.
import { $, api, t, toast } from './common.js';
import { markClamped, openClampedOnClick } from './leads-cells.js';

const PAGE_SIZE = 50;

/**
 * prefix: ids of the page's parts (<prefix>-body, -empty, -total, -page, -prev, -next); url: the API list;
 * row: item → <tr>; afterRender: e.g. the column chooser's apply().
 */
export function bookTable({ prefix, url, row, sort, totalKey, afterRender = () => {} }) {
  const state = { page: 0, sort, dir: sort === 'updatedAt' ? 'desc' : 'asc', filters: {} };
  let latest = null;

  async function load() {
    const params = new URLSearchParams({ page: state.page, size: PAGE_SIZE, sort: `${state.sort},${state.dir}` });
    for (const [name, value] of Object.entries(state.filters)) if (value) params.set(name, value);
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
    $(`${prefix}-empty`).hidden = data.total > 0;
    $(`${prefix}-total`).textContent = t(totalKey, { total: data.total.toLocaleString() });
    $(`${prefix}-page`).textContent = t('leads.page', { page: state.page + 1, pages });
    $(`${prefix}-prev`).disabled = state.page === 0;
    $(`${prefix}-next`).disabled = state.page + 1 >= pages;
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
      load();
    });
  });
  $(`${prefix}-prev`).addEventListener('click', () => { state.page = Math.max(0, state.page - 1); load(); });
  $(`${prefix}-next`).addEventListener('click', () => { state.page += 1; load(); });
  openClampedOnClick($(`${prefix}-body`));

  return {
    load,
    /** Sets one filter and loads the first page. */
    filter(name, value) {
      state.filters[name] = value;
      state.page = 0;
      return load();
    },
  };
}
