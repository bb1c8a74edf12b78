// The page „Sperrliste": the list (searched and paged on the server), adding an address or domain,
// taking one off, importing a CSV file. Viewers see the list only (the server refuses their changes).
import { $, api, busy, debounce, el, may, showError, t, toast } from './common.js';

const SIZE = 50;
let page = 0;
let query = '';

/** How an entry is named: its address, „Domain x", or a forgotten person (no address is kept for them). */
function entryName(entry) {
  if (entry.email) return entry.email;
  if (entry.domain) return t('suppressions.domain', { domain: entry.domain });
  return t('suppressions.forgotten');
}

function reasonLabel(reason) {
  const text = t(`suppressions.reason.${reason}`);
  return text === `suppressions.reason.${reason}` ? reason : text;
}

function row(entry) {
  const tr = el('tr', { className: 'suppression-entry', attrs: { 'data-id': entry.id } });
  const actions = el('td', { className: 'actions needs-member' });
  if (may('MEMBER')) {
    const remove = el('button', {
      className: 'btn btn-secondary btn-small suppression-delete',
      text: t('suppressions.delete'),
      attrs: { type: 'button' },
    });
    remove.addEventListener('click', () => removeEntry(remove, entry));
    actions.append(remove);
  }
  tr.append(
    el('td', { className: 'entry', text: entryName(entry) }),
    el('td', { className: 'reason', text: reasonLabel(entry.reason), attrs: { 'data-reason': entry.reason } }),
    el('td', { className: 'date', text: new Date(entry.createdAt).toLocaleString() }),
    el('td', { className: 'by', text: entry.createdBy ?? '' }),
    actions,
  );
  return tr;
}

async function load() {
  try {
    const q = query ? `&q=${encodeURIComponent(query)}` : '';
    const data = await api(`/api/suppressions?page=${page}&size=${SIZE}${q}`);
    $('suppressions-body').replaceChildren(...data.items.map(row));
    const pages = Math.max(1, Math.ceil(data.total / SIZE));
    $('suppressions-empty').hidden = data.total > 0;
    $('suppressions-count').textContent = t('suppressions.total', { total: data.total });
    $('suppressions-page').textContent = t('suppressions.page', { page: page + 1, pages });
    $('suppressions-prev').disabled = page === 0;
    $('suppressions-next').disabled = page + 1 >= pages;
  } catch (e) {
    toast(e.message, 'error');
  }
}


async function add(button) {
  showError('suppression-error', '');
  const value = $('suppression-value').value.trim();
  // an @ in the middle makes it an address; anything else is read as a domain (the server checks both)
  const body = /.@./.test(value) ? { email: value } : { domain: value };
  body.reason = $('suppression-reason').value;
  await busy(button, async () => {
    try {
      const entry = await api('/api/suppressions', { method: 'POST', body });
      toast(t(entry.created ? 'suppressions.added' : 'suppressions.already', { entry: entryName(entry) }), 'success');
      $('suppression-value').value = '';
      page = 0;
      await load();
    } catch (e) {
      showError('suppression-error', e.message);
      toast(e.message, 'error');
    }
  });
}

async function removeEntry(button, entry) {
  if (!window.confirm(t('suppressions.confirmDelete', { entry: entryName(entry) }))) return;
  await busy(button, async () => {
    try {
      await api(`/api/suppressions/${entry.id}`, { method: 'DELETE' });
      toast(t('suppressions.deleted', { entry: entryName(entry) }), 'success');
      await load();
    } catch (e) {
      toast(e.message, 'error');
    }
  });
}

async function importFile(button) {
  const file = $('suppression-file').files[0];
  const result = $('suppression-import-result');
  if (!file) {
    toast(t('suppressions.noFile'), 'error');
    return;
  }
  const form = new FormData();
  form.append('file', file);
  await busy(button, async () => {
    try {
      const r = await api('/api/suppressions/import', { method: 'POST', body: form, timeoutMs: 120_000 });
      let text = t('suppressions.imported', r);
      if (r.invalidLines.length) text += ` ${t('suppressions.invalidLines', { lines: r.invalidLines.join(', ') })}`;
      result.textContent = text;
      result.hidden = false;
      toast(t('suppressions.imported', r), 'success');
      $('suppression-file').value = '';
      page = 0;
      await load();
    } catch (e) {
      result.hidden = true;
      toast(e.message, 'error');
    }
  });
}

$('suppression-form').addEventListener('submit', (event) => {
  event.preventDefault();
  add($('suppression-add'));
});
$('suppression-import-form').addEventListener('submit', (event) => {
  event.preventDefault();
  importFile($('suppression-import'));
});
$('suppression-search').addEventListener('input', debounce(() => {
  query = $('suppression-search').value.trim();
  page = 0;
  load();
}));
$('suppressions-prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
$('suppressions-next').addEventListener('click', () => { page += 1; load(); });
load();
