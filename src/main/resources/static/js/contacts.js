// „Kontakte": the lead book's people as a paged table (filters and sorting on the server), each opening its
// detail panel; ?id= opens one at once, ?importId= and ?tag= preset the filters.
import { $, api, debounce, el, link, t, toast } from './common.js';
import { bookTable } from './book-table.js';
import { initColumns } from './columns.js';
import { initContactPanel, openContact } from './contact-detail.js';
import { contactName } from './contact-name.js';
import { download } from './export.js';
import { cell, clamped, dateTime, emailCheckLabel } from './leads-cells.js';

function emailCell(c) {
  if (!c.email) return null;
  const box = el('span');
  box.append(clamped(link(c.email, `mailto:${c.email}`)));
  if (c.emailCheck && c.emailCheck !== 'ok') {
    box.append(el('span', { className: `email-check ${c.emailCheck}`, text: emailCheckLabel(c.emailCheck) }));
  }
  return box;
}

function row(c) {
  const tr = el('tr', { className: 'contact' });
  tr.dataset.id = c.id;
  const open = el('button', { className: 'link-button open-contact', text: contactName(c), attrs: { type: 'button', title: t('contacts.open') } });
  open.addEventListener('click', () => openContact(c.id));
  const company = c.companyId ? el('a', { text: c.companyName || `#${c.companyId}`, attrs: { href: `/companies?id=${c.companyId}` } }) : null;
  tr.append(
    cell(clamped(open), 'name'),
    cell(emailCell(c), 'contact'),
    cell(c.phone, 'phone'),
    cell(company ? clamped(company) : null, 'name'),
    cell(c.city, 'tag'),
    cell(clamped(c.position), 'tag'),
    cell(c.instagram ? link(`@${c.instagram}`, `https://www.instagram.com/${encodeURIComponent(c.instagram)}/`) : null, 'tag'),
    cell(c.website ? clamped(link(c.website, c.website)) : null, 'contact'),
    cell(c.status ? el('span', { className: `lead-status ${c.status}`, text: t(`status.${c.status}`) }) : null, 'status'),
    cell((c.sources || []).join(', '), 'tag'),
    cell(clamped((c.tags || []).join(', ')), 'tag'),
    cell(dateTime(c.updatedAt), 'date'),
  );
  return tr;
}

async function fillImports(select, chosen) {
  try {
    for (const imp of await api('/api/imports')) {
      const label = `#${imp.id} ${imp.fileName}${imp.tag ? ` (${imp.tag})` : ''}`;
      select.append(el('option', { text: label, attrs: { value: imp.id } }));
    }
  } catch (e) {
    toast(e.message, 'error');
  }
  if (chosen) {
    if (![...select.options].some((o) => o.value === chosen)) select.append(el('option', { text: `#${chosen}`, attrs: { value: chosen } }));
    select.value = chosen;
  }
}

const params = new URLSearchParams(window.location.search);
const apply = initColumns($('contacts-table'), $('contacts-columns'), 'contacts');
/** The export links carry the list's filter and sort, so the file has the same rows in the same order. */
function updateExportLinks(query) {
  for (const format of ['csv', 'xlsx']) {
    const params = new URLSearchParams(query);
    params.set('format', format);
    $(`contacts-export-${format}`).href = `/export/contacts?${params}`;
  }
}
for (const format of ['csv', 'xlsx']) $(`contacts-export-${format}`).addEventListener('click', download);

const table = bookTable({
  prefix: 'contacts', url: '/api/contacts', row, sort: 'updatedAt', totalKey: 'contacts.total', afterRender: apply, onQueryChange: updateExportLinks,
});
initContactPanel({ onChange: () => table.load() });

const search = debounce((name, value) => table.filter(name, value.trim()));
$('contacts-q').addEventListener('input', (e) => search('q', e.target.value));
$('contacts-tag').addEventListener('input', (e) => search('tag', e.target.value));
$('contacts-source').addEventListener('change', (e) => table.filter('source', e.target.value));
$('contacts-status').addEventListener('change', (e) => table.filter('status', e.target.value));
$('contacts-import').addEventListener('change', (e) => table.filter('importId', e.target.value));
$('contacts-filters').addEventListener('submit', (e) => e.preventDefault());

const presetImport = params.get('importId');
const presetTag = params.get('tag');
if (presetTag) $('contacts-tag').value = presetTag;
fillImports($('contacts-import'), presetImport).then(() => {
  if (presetImport) table.filter('importId', presetImport);
});
if (presetTag) table.filter('tag', presetTag);
else if (!presetImport) table.load();
if (params.get('id')) openContact(params.get('id'));
