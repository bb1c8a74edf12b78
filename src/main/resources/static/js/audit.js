// The audit log page (admins): who did what, when and from where, newest first, 50 per page.
import { $, api, el, t, toast } from './common.js';

const SIZE = 50;
let page = 0;

const label = (action) => {
  const text = t(`audit.action.${action}`);
  return text === `audit.action.${action}` ? action : text;
};

function row(entry) {
  const tr = el('tr', { className: 'audit-entry' });
  tr.append(
    el('td', { className: 'date', text: new Date(entry.at).toLocaleString() }),
    el('td', { className: 'actor', text: entry.actor === 'system' ? t('audit.system') : entry.actor }),
    el('td', { className: 'action', text: label(entry.action), attrs: { title: entry.action, 'data-action': entry.action } }),
    el('td', { className: 'detail', text: entry.detail ?? '' }),
    el('td', { className: 'address', text: entry.remoteAddress ?? '' }),
  );
  return tr;
}

async function load() {
  try {
    const data = await api(`/api/audit?page=${page}&size=${SIZE}`);
    $('audit-body').replaceChildren(...data.items.map(row));
    const pages = Math.max(1, Math.ceil(data.total / SIZE));
    $('audit-empty').hidden = data.total > 0;
    $('audit-page').textContent = t('audit.page', { page: page + 1, pages });
    $('audit-prev').disabled = page === 0;
    $('audit-next').disabled = page + 1 >= pages;
  } catch (e) {
    toast(e.message, 'error');
  }
}

$('audit-prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
$('audit-next').addEventListener('click', () => { page += 1; load(); });
load();
