// Step 2 of an import: the detected encoding and delimiter, every column with sample values and a field
// chooser pre-filled with the proposal (no field: kept as a custom field), then the start.
import { $, api, busy, el, t, toast } from './common.js';
import { cell, clamped } from './leads-cells.js';

const SAMPLES = 3;
let shown = null;

function delimiterLabel(d) {
  const names = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'pipe' };
  return names[d] ? `${t(`imports.delimiter.${names[d]}`)} (${d === '\t' ? '\\t' : d})` : d;
}

function columnRow(view, column, index) {
  const tr = el('tr', { attrs: { 'data-column': column } });
  const samples = el('ul', { className: 'samples' });
  (view.sample || []).map((r) => r[index]).filter((v) => v != null && v !== '').slice(0, SAMPLES)
    .forEach((v) => { const li = el('li'); li.append(clamped(v)); samples.append(li); });
  const select = el('select', { className: 'form-select form-select-sm field-choice', attrs: { 'aria-label': t('imports.fieldFor', { column }) } });
  select.append($('field-options').content.cloneNode(true));
  const proposed = (view.mapping || {})[column] || '';
  select.value = proposed;
  select.dataset.proposed = proposed;
  select.addEventListener('change', () => tr.classList.toggle('changed', select.value !== select.dataset.proposed));
  tr.append(cell(column, 'name'), cell(samples, 'bio'), cell(select, 'field'));
  return tr;
}

/** Shows the mapping of an import that waits for its start. */
export function showMapping(view) {
  shown = view;
  $('import-mapping').hidden = false;
  $('import-mapping-title').textContent = t('imports.mappingTitle', { id: view.id, name: view.fileName });
  $('import-encoding').textContent = view.encoding;
  $('import-delimiter').textContent = delimiterLabel(view.delimiter);
  $('import-rows').textContent = Number(view.rows).toLocaleString();
  $('import-proposal').textContent = (view.mappingSource || '').startsWith('llm') ? t('imports.proposal.llm', { model: view.mappingSource.slice(4) }) : t('imports.proposal.synonyms');
  $('mapping-body').replaceChildren(...view.columns.map((c, i) => columnRow(view, c, i)));
  $('import-start').disabled = false;
  $('import-mapping').scrollIntoView({ block: 'start' });
}

export function hideMapping() {
  $('import-mapping').hidden = true;
  shown = null;
}

function chosenMapping() {
  const mapping = {};
  $('mapping-body').querySelectorAll('tr').forEach((tr) => {
    mapping[tr.dataset.column] = tr.querySelector('select').value || null;
  });
  return mapping;
}

/** Wires the start button; onStarted(view) gets the started import. */
export function initMapping(onStarted) {
  $('import-start').addEventListener('click', () => busy($('import-start'), async () => {
    if (!shown) return;
    try {
      await api(`/api/imports/${shown.id}/mapping`, { method: 'PUT', body: { mapping: chosenMapping() } });
      const started = await api(`/api/imports/${shown.id}/start`, { method: 'POST' });
      toast(t('imports.started', { id: started.id }), 'success');
      hideMapping();
      onStarted(started);
    } catch (e) {
      toast(e.message, 'error', 12000);
    }
  }));
}
