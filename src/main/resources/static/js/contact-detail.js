// The contact's detail panel: its company, every field with the source that set it and when (the source
// beside the value, source and time in the tooltip), corrections by hand, its findings and imports, and
// forgetting the person. The e-mail editor is its own module (contact-email.js).
import { $, api, busy, el, link, may, on, sourceLabel, t, toast } from './common.js';
import { contactName } from './contact-name.js';
import { CONTACT_CHANGED, showEditor } from './contact-email.js';
import { dateTime, emailCheckLabel } from './leads-cells.js';

const FIELDS = ['fullName', 'title', 'firstName', 'lastName', 'position', 'email', 'phone', 'instagram', 'linkedin', 'notes'];
let current = null;
let onChange = () => {};

/** The source as the field's tooltip: „Quelle: csv:12:40 (CSV-Import 12, Zeile 40), 07.12.2026, 06:10:00". */
function sourceTitle(origin) {
  const label = sourceLabel(origin.source);
  const source = label === origin.source ? origin.source : `${origin.source} (${label})`;
  return t('contact.sourceTitle', { source, time: dateTime(origin.at) });
}

function fieldRow(name, value, origin) {
  const tr = el('tr', { attrs: { 'data-field': name } });
  const shown = el('td', { className: 'value' });
  if (value) {
    const box = el('span', { className: 'clamp', text: value });
    shown.append(box);
    if (name === 'email' && current.emailCheck) {
      shown.append(el('span', { className: `email-check ${current.emailCheck}`, text: emailCheckLabel(current.emailCheck) }));
    }
  } else {
    shown.append(el('span', { className: 'empty', text: '–' }));
  }
  const source = el('td', { className: 'source' });
  if (origin && value) {
    const title = sourceTitle(origin);
    tr.title = title;
    source.append(el('span', { text: sourceLabel(origin.source), attrs: { title } }));
  }
  tr.append(el('th', { text: t(`field.${name}`) }), shown, source);
  if (may('MEMBER')) {
    const edit = el('button', { className: 'link-button edit-field', text: t('contact.edit'), attrs: { type: 'button' } });
    edit.addEventListener('click', () => editField(tr, name, value));
    tr.append(el('td', { className: 'edit' }));
    tr.lastChild.append(edit);
  }
  return tr;
}

/** Turns a field's row into an input; saving sends PATCH (the field's source becomes „user"). */
function editField(tr, name, value) {
  const input = el(name === 'notes' ? 'textarea' : 'input', { className: 'form-control form-control-sm', attrs: { 'aria-label': t(`field.${name}`) } });
  input.value = value || '';
  const save = el('button', { className: 'btn btn-small', text: t('contact.save'), attrs: { type: 'button' } });
  const cancel = el('button', { className: 'btn btn-secondary btn-small', text: t('contact.cancel'), attrs: { type: 'button' } });
  const cellBox = tr.querySelector('td.value');
  cellBox.replaceChildren(input, el('div', { className: 'd-flex gap-2 mt-1' }));
  cellBox.lastChild.append(save, cancel);
  input.focus();
  cancel.addEventListener('click', () => render(current));
  save.addEventListener('click', () => busy(save, async () => {
    try {
      render(await api(`/api/contacts/${current.id}`, { method: 'PATCH', body: { [name]: input.value } }));
      toast(t('contact.saved'), 'success');
      onChange();
    } catch (e) {
      toast(e.message, 'error', 10000);
    }
  }));
}

function companyBlock(co) {
  const box = el('div', { className: 'company-block' });
  if (!co) {
    box.append(el('span', { className: 'empty', text: t('contact.noCompany') }));
    return box;
  }
  const name = el('a', { text: co.name || co.domain || `#${co.id}`, attrs: { href: `/companies?id=${co.id}` } });
  box.append(el('strong'));
  box.firstChild.append(name);
  const facts = [co.category ? (t(`category.${co.category}`).startsWith('category.') ? co.category : t(`category.${co.category}`)) : null,
    [co.postalCode, co.city].filter(Boolean).join(' ') || null, co.address, co.phone,
    co.rating == null ? null : t('places.rating', { rating: Number(co.rating).toLocaleString(undefined, { minimumFractionDigits: 1 }), count: co.reviewCount == null ? '–' : Number(co.reviewCount).toLocaleString() })].filter(Boolean);
  for (const fact of facts) box.append(el('div', { text: fact }));
  if (co.website) {
    const w = el('div');
    w.append(link(co.website, co.website));
    box.append(w);
  }
  return box;
}

function originList(c) {
  const items = (c.findings || []).map((f) => el('li', {
    text: t('contact.finding', { run: f.runId, source: f.source, detail: f.detail || '', keyword: f.keyword || '', time: dateTime(f.foundAt) }),
  }));
  for (const line of c.imports || []) {
    const li = el('li');
    li.append(el('a', { text: t('source.csv', { id: line.importId, line: line.line }), attrs: { href: `/imports?id=${line.importId}` } }));
    items.push(li);
  }
  if (!items.length) items.push(el('li', { className: 'empty', text: t('contact.noOrigin') }));
  return items;
}

function showStatus(c) {
  $('contact-status').textContent = c.status ? t(`status.${c.status}`) : '';
  $('contact-status').className = `lead-status ${c.status || ''}`;
}

function render(c) {
  current = c;
  $('contact-name').textContent = contactName(c);
  showStatus(c);
  $('contact-tags').textContent = (c.tags || []).length ? `${t('contacts.col.tags')}: ${c.tags.join(', ')}` : '';
  $('contact-company').replaceChildren(companyBlock(c.company));
  const provenance = c.provenance || {};
  $('contact-fields').tBodies[0].replaceChildren(...FIELDS.map((f) => fieldRow(f, c[f], provenance[f])));
  const custom = Object.entries(c.custom || {});
  $('contact-custom-section').hidden = custom.length === 0;
  $('contact-custom').tBodies[0].replaceChildren(...custom.map(([k, v]) => {
    const tr = el('tr');
    tr.append(el('th', { text: k }), el('td', { text: v }));
    return tr;
  }));
  $('contact-findings').replaceChildren(...originList(c));
  showEditor(c);
}

/** Opens the panel with contact id (the address keeps ?id=, so a reload or a link shows it again). */
export async function openContact(id) {
  const panel = $('contact-panel');
  panel.hidden = false;
  $('contact-loading').hidden = false;
  $('contact-content').hidden = true;
  const url = new URL(window.location.href);
  url.searchParams.set('id', id);
  window.history.replaceState(null, '', url);
  try {
    render(await api(`/api/contacts/${encodeURIComponent(id)}`));
    $('contact-content').hidden = false;
  } catch (e) {
    toast(e.message, 'error');
  } finally {
    $('contact-loading').hidden = true;
  }
}

function close() {
  $('contact-panel').hidden = true;
  current = null;
  const url = new URL(window.location.href);
  url.searchParams.delete('id');
  window.history.replaceState(null, '', url);
}

async function forget(button) {
  if (!current || !window.confirm(t('contact.forget.confirm', { name: contactName(current) }))) return;
  await busy(button, async () => {
    try {
      await api(`/api/contacts/${current.id}?forget=true`, { method: 'DELETE' });
      toast(t('contact.forgotten'), 'success');
      close();
      onChange();
    } catch (e) {
      toast(e.message, 'error', 10000);
    }
  });
}

export function initContactPanel({ onChange: changed } = {}) {
  if (changed) onChange = changed;
  $('contact-close').addEventListener('click', close);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('contact-panel').hidden) close(); });
  $('contact-forget').addEventListener('click', (e) => forget(e.currentTarget));
  on(CONTACT_CHANGED, async ({ id }) => {
    onChange();
    if (current?.id !== id) return;
    try {
      const fresh = await api(`/api/contacts/${id}`);
      if (current?.id === id) showStatus(fresh);
    } catch (e) {
      // the panel keeps what it shows; the table reload says more if the server is gone
    }
  });
}
