// The wizard's audience: a filter over the lead book (or listed contact numbers) and the live count of
// the contacts it reaches, asked of the server once typing pauses.
import { $, api, debounce, el, t } from './common.js';

const FILTER = {
  source: 'filter-source', status: 'filter-status', tag: 'filter-tag', importId: 'filter-import',
  city: 'filter-city', category: 'filter-category', minScore: 'filter-min-score', emailCheck: 'filter-email-check',
};
const NUMBERS = new Set(['importId', 'minScore']);
let asked = 0;

function byIds() {
  return $('audience-kind').value === 'ids';
}

function ids() {
  return $('audience-ids').value.split(/[\s,;]+/).filter((s) => s !== '').map(Number);
}

/** The audience as the API takes it. */
export function audience() {
  if (byIds()) return { contactIds: ids() };
  const filter = {};
  for (const [name, id] of Object.entries(FILTER)) {
    const value = $(id).value.trim();
    if (value !== '') filter[name] = NUMBERS.has(name) ? Number(value) : value;
  }
  return { filter };
}

function showKind() {
  $('audience-filter').hidden = byIds();
  $('audience-ids-group').hidden = !byIds();
}

/** Asks for the count now; the answer of an older question is dropped. */
export async function count() {
  const mine = ++asked;
  const out = $('audience-count');
  if (byIds() && (ids().length === 0 || ids().some((n) => !Number.isInteger(n) || n <= 0))) {
    out.textContent = t('wizard.count.idsInvalid');
    out.dataset.count = '';
    return;
  }
  out.textContent = t('wizard.count.counting');
  try {
    const answer = await api('/api/campaigns/audience/count', { method: 'POST', body: audience() });
    if (mine !== asked) return;
    out.textContent = t(answer.count === 1 ? 'wizard.count.one' : 'wizard.count.many', { n: answer.count.toLocaleString(document.documentElement.lang || 'de') });
    out.dataset.count = String(answer.count);
  } catch (e) {
    if (mine !== asked) return;
    out.textContent = e.message;
    out.dataset.count = '';
  }
}

/** Fills the fields from a stored campaign's audience. */
export function fill(a) {
  if (a?.contactIds) {
    $('audience-kind').value = 'ids';
    $('audience-ids').value = a.contactIds.join(', ');
  } else {
    $('audience-kind').value = 'filter';
    for (const [name, id] of Object.entries(FILTER)) {
      const value = a?.filter?.[name];
      if (name === 'importId' && value != null && ![...$(id).options].some((o) => o.value === String(value))) {
        $(id).append(el('option', { text: `#${value}`, attrs: { value } }));
      }
      $(id).value = value == null ? '' : String(value);
    }
  }
  showKind();
}

async function fillImports() {
  try {
    for (const imp of await api('/api/imports')) {
      const label = `#${imp.id} ${imp.fileName}${imp.tag ? ` (${imp.tag})` : ''}`;
      $('filter-import').append(el('option', { text: label, attrs: { value: imp.id } }));
    }
  } catch (e) {
    // the list of imports only helps choosing; the count says what is wrong with a filter
  }
}

/** Wires the fields: every change or pause in typing counts again. */
export async function init() {
  const later = debounce(count, 350);
  for (const id of [...Object.values(FILTER), 'audience-ids']) {
    $(id).addEventListener('input', later);
    $(id).addEventListener('change', later);
  }
  $('audience-kind').addEventListener('change', () => { showKind(); count(); });
  showKind();
  await fillImports();
}
