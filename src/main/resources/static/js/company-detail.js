// A company's panel: every field with the source that set it and when (tooltip), and its contacts, each a
// link to the contact's panel on „Kontakte".
import { $, api, el, link, sourceLabel, t, toast } from './common.js';
import { contactName } from './contact-name.js';
import { dateTime } from './leads-cells.js';

const FIELDS = ['name', 'domain', 'website', 'phone', 'address', 'postalCode', 'city', 'country', 'category', 'placeId', 'rating', 'reviewCount'];

function fieldRow(name, value, origin) {
  const tr = el('tr', { attrs: { 'data-field': name } });
  const shown = el('td', { className: 'value' });
  if (value == null || value === '') shown.append(el('span', { className: 'empty', text: '–' }));
  else if (name === 'website') shown.append(link(String(value), String(value)));
  else shown.append(el('span', { className: 'clamp', text: String(value) }));
  const source = el('td', { className: 'source' });
  if (origin && value != null && value !== '') {
    tr.title = t('contact.sourceTitle', { source: origin.source, time: dateTime(origin.at) });
    source.append(el('span', { text: sourceLabel(origin.source), attrs: { title: tr.title } }));
  }
  tr.append(el('th', { text: t(`companyField.${name}`) }), shown, source);
  return tr;
}

function contactItem(c) {
  const li = el('li');
  li.append(el('a', { text: contactName(c), attrs: { href: `/contacts?id=${c.id}` } }));
  const more = [c.position, c.email, c.phone].filter(Boolean).join(' · ');
  if (more) li.append(' ', el('span', { className: 'form-text', text: more }));
  return li;
}

export async function openCompany(id) {
  $('company-panel').hidden = false;
  $('company-name').textContent = t('book.loading');
  const url = new URL(window.location.href);
  url.searchParams.set('id', id);
  window.history.replaceState(null, '', url);
  try {
    const detail = await api(`/api/companies/${encodeURIComponent(id)}`);
    const co = detail.company;
    $('company-name').textContent = co.name || co.domain || `#${co.id}`;
    $('company-fields').tBodies[0].replaceChildren(...FIELDS.map((f) => fieldRow(f, co[f], (detail.provenance || {})[f])));
    const contacts = detail.contacts || [];
    $('company-contacts').replaceChildren(...(contacts.length ? contacts.map(contactItem) : [el('li', { className: 'empty', text: t('company.noContacts') })]));
  } catch (e) {
    $('company-name').textContent = '';
    toast(e.message, 'error');
  }
}

export function initCompanyPanel() {
  const close = () => {
    $('company-panel').hidden = true;
    const url = new URL(window.location.href);
    url.searchParams.delete('id');
    window.history.replaceState(null, '', url);
  };
  $('company-close').addEventListener('click', close);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
}
