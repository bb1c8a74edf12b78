// „Firmen": the lead book's companies as a paged table (search, city and category on the server), each
// opening its panel with its fields and contacts; ?id= opens one at once.
import { $, debounce, el, link, t } from './common.js';
import { bookTable } from './book-table.js';
import { initColumns } from './columns.js';
import { initCompanyPanel, openCompany } from './company-detail.js';
import { cell, clamped, dateTime } from './leads-cells.js';

/** A Places type by its German (or English) name, any other category as it is. */
export function categoryLabel(category) {
  if (!category) return '';
  const label = t(`category.${category}`);
  return label.startsWith('category.') ? category : label;
}

function row(co) {
  const tr = el('tr', { className: 'company' });
  tr.dataset.id = co.id;
  const open = el('button', { className: 'link-button open-company', text: co.name || co.domain || `#${co.id}`, attrs: { type: 'button' } });
  open.addEventListener('click', () => openCompany(co.id));
  const rating = co.rating == null ? null : t('places.rating', { rating: Number(co.rating).toLocaleString(undefined, { minimumFractionDigits: 1 }), count: co.reviewCount == null ? '–' : Number(co.reviewCount).toLocaleString() });
  tr.append(
    cell(clamped(open), 'name'),
    cell(co.website ? clamped(link(co.domain || co.website, co.website)) : clamped(co.domain), 'contact'),
    cell(co.phone, 'phone'),
    cell(clamped(co.address), 'address'),
    cell([co.postalCode, co.city].filter(Boolean).join(' '), 'tag'),
    cell(clamped(categoryLabel(co.category)), 'category'),
    cell(rating, 'tag'),
    cell(String(co.contacts), 'num'),
    cell((co.sources || []).join(', '), 'tag'),
    cell(dateTime(co.updatedAt), 'date'),
  );
  return tr;
}

const apply = initColumns($('companies-table'), $('companies-columns'), 'companies');
const table = bookTable({ prefix: 'companies', url: '/api/companies', row, sort: 'name', totalKey: 'companies.total', afterRender: apply });
initCompanyPanel();
const search = debounce((name, value) => table.filter(name, value.trim()));
$('companies-q').addEventListener('input', (e) => search('q', e.target.value));
$('companies-city').addEventListener('input', (e) => search('city', e.target.value));
$('companies-category').addEventListener('input', (e) => search('category', e.target.value));
$('companies-filters').addEventListener('submit', (e) => e.preventDefault());
table.load();
const id = new URLSearchParams(window.location.search).get('id');
if (id) openCompany(id);
