// A Google Places lead as one row of the leads table: name with its Maps link, category and rating, city and
// address, contacts with their sources, status, and the score with „warum …?“ and the rules that fired.
import { el, link, t } from './common.js';
import { cell, contactLink, dateTime, withSource } from './leads-cells.js';

export function placeRow(lead) {
  const tr = el('tr', { className: 'lead place' });
  tr.dataset.placeId = lead.placeId;
  const name = el('span', { className: 'place-name' });
  name.append(link(lead.name, lead.mapsUrl), ' ', el('span', { className: 'source-badge', text: t('places.source') }));
  const where = el('span');
  where.append(el('strong', { text: lead.city ?? '' }));
  if (lead.address) where.append(el('br'), document.createTextNode(lead.address));
  const rating = lead.rating == null ? ''
    : t('places.rating', { rating: Number(lead.rating).toLocaleString(undefined, { minimumFractionDigits: 1 }), count: lead.reviewCount == null ? '–' : Number(lead.reviewCount).toLocaleString() });
  tr.append(
    cell(name, 'name'),
    cell(categoryAndRating(lead.category, rating), 'category'),
    cell(where, 'address'),
    cell(emailWithSource(lead), 'contact'),
    cell(withSource(lead.phone, lead.phoneSource), 'phone'),
    cell(withSource(lead.website ? link(lead.website, lead.website) : null, lead.websiteSource), 'contact'),
    cell(''),
    cell(''),
    cell(lead.keyword, 'tag'),
    cell(dateTime(lead.foundAt), 'date'),
    cell(String(lead.runId), 'num'),
    cell(statusBadge(lead.status)),
    cell(scoreWithReasons(lead), 'score'),
    cell(contactLink(lead.contactId), 'open'),
  );
  return tr;
}

function categoryAndRating(category, rating) {
  const span = el('span');
  // the German (or English) name of a known Places type, as on „Orte & Zeitplan"; any other type by its id
  const label = category ? t(`category.${category}`) : '';
  const known = !label.startsWith('category.');
  span.append(document.createTextNode(known ? label : category));
  if (category && known) span.title = category;
  if (rating) span.append(el('span', { className: 'rating', text: rating }));
  return span;
}

function statusBadge(status) {
  return status ? el('span', { className: `lead-status ${status}`, text: t(`places.status.${status}`) }) : null;
}

/** „72“ and a „warum 72?“ that opens the rules that fired, each with its points. */
function scoreWithReasons(lead) {
  if (lead.score == null) return null;
  const list = el('ul', { className: 'score-reasons' });
  for (const reason of lead.scoreReasons || []) {
    const li = el('li');
    li.append(el('span', { text: t(`places.rule.${reason.rule}`) }), ' ',
      el('span', { className: 'points', text: t('places.points', { points: reason.points }) }));
    list.append(li);
  }
  if (!list.children.length) list.append(el('li', { text: t('places.noReasons') }));
  const why = el('details', { className: 'score-why' });
  const summary = el('summary', { text: t('places.why', { score: lead.score }) });
  summary.title = t('places.whyTitle', { score: lead.score });
  why.append(summary, list);
  const box = el('div');
  box.append(el('strong', { className: 'score-total', text: lead.score }), ' ', why);
  return box;
}

/** The e-mail with its source; a guessed address says so and is never shown as found. */
function emailWithSource(lead) {
  if (!lead.email) return null;
  const value = withSource(link(lead.email, `mailto:${lead.email}`), lead.emailGuessed ? null : lead.emailSource);
  if (lead.emailGuessed) {
    value.append(el('span', { className: 'guessed', text: t('places.guessed'), attrs: { title: t('places.guessedTitle') } }));
  }
  if (lead.emailCheck) {
    value.append(el('span', { className: `email-check ${lead.emailCheck}`, text: t(`places.check.${lead.emailCheck}`) }));
  }
  return value;
}
