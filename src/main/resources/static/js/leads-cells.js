// Cells of the leads table, shared by Instagram and Places rows: plain text only, long values clamped,
// every contact with where it was found.
import { el, t } from './common.js';

/** A table cell; strings become text nodes, so scraped HTML is shown, never run. */
export function cell(content, className) {
  const td = el('td', { className });
  if (content instanceof Node) td.append(content);
  else if (content != null) td.textContent = content;
  return td;
}

/**
 * Long values (a bio, a URL without spaces) show at most three lines, so one lead stays one row; the whole
 * text is in the tooltip, and a click on a cut value opens it.
 */
export function clamped(content) {
  if (content == null || content === '') return null;
  const box = el('span', { className: 'clamp' });
  box.append(content instanceof Node ? content : document.createTextNode(content));
  box.title = box.textContent;
  return box;
}

/** After rendering: marks the values that were cut, so only those open on a click. */
export function markClamped(root) {
  root.querySelectorAll('.clamp').forEach((box) => box.classList.toggle('clamped', box.scrollHeight > box.clientHeight + 1));
}

/** A click on a cut value opens it, a second click closes it; a click on a link inside still follows the link. */
export function openClampedOnClick(root) {
  root.addEventListener('click', (event) => {
    const box = event.target.closest('.clamp.clamped, .clamp.open');
    if (box && !event.target.closest('a')) box.classList.toggle('open');
  });
}

/** A value with the source it came from below it. */
export function withSource(value, source) {
  const span = el('span');
  const shown = clamped(value);
  if (!shown) return null;
  span.append(shown);
  if (source) {
    // "apify:8WEn9FvZnhE7lM3oA" → "apify"; the full source (actor, model, page) is in the tooltip
    span.append(el('span', { className: 'source', text: `${t('leads.source')}: ${shortSource(source)}`, attrs: { title: source } }));
  }
  return span;
}

/** "apify:8WEn9…" → "apify"; "website:https://www.firma.de/kontakt/" → "website firma.de/kontakt/" (the page it was found on). */
function shortSource(source) {
  const [kind, ...rest] = source.split(':');
  if (kind !== 'website' || !rest.length) return kind;
  const page = rest.join(':').replace(/^https?:\/\/(www\.)?/i, '');
  return `${kind} ${page.length > 40 ? `${page.slice(0, 39)}…` : page}`;
}

/** A date and time in the browser's language. */
export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** The lead's contact in the lead book („Kontakte"), where its e-mail is drafted and sent; none without one. */
export function contactLink(contactId) {
  if (contactId == null) return null;
  return el('a', { className: 'contact-link', text: t('leads.openContact'), attrs: { href: `/contacts?id=${contactId}`, title: t('leads.openContactTitle') } });
}

/** What the DNS check of an address's domain said, in words (an unknown value as it is). */
export function emailCheckLabel(check) {
  const label = t(`places.check.${check}`);
  return label.startsWith('places.check.') ? check : label;
}
