// The column chooser of a table: a checkbox per column in a <details>, the choice remembered per table in
// localStorage; hidden columns keep their place, so nth-child selectors and sort buttons stay the same.
import { el, t } from './common.js';

function saved(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key) || '[]');
    return new Set(Array.isArray(value) ? value : []);
  } catch (e) {
    return new Set(); // a damaged entry shows every column
  }
}

/** Builds the chooser into details (an empty <details>); returns apply(), to call after rows are drawn. */
export function initColumns(table, details, key) {
  const heads = [...table.querySelectorAll('thead th[data-col]')];
  const hidden = saved(`leadgen.columns.${key}`);
  const apply = () => {
    const all = [...table.querySelectorAll('thead th')];
    all.forEach((th, i) => {
      const off = hidden.has(th.dataset.col);
      th.hidden = off;
      table.querySelectorAll(`tbody tr > td:nth-child(${i + 1})`).forEach((td) => { td.hidden = off; });
    });
  };
  const list = el('div', { className: 'column-list' });
  for (const th of heads) {
    const label = el('label', { className: 'form-check' });
    const box = el('input', { className: 'form-check-input', attrs: { type: 'checkbox', 'data-col': th.dataset.col } });
    box.checked = !hidden.has(th.dataset.col);
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(th.dataset.col);
      else hidden.add(th.dataset.col);
      localStorage.setItem(`leadgen.columns.${key}`, JSON.stringify([...hidden]));
      apply();
    });
    label.append(box, ' ', el('span', { className: 'form-check-label', text: th.textContent.trim() }));
    list.append(label);
  }
  details.replaceChildren(el('summary', { text: t('columns.choose') }), list);
  // a click elsewhere closes the list, so it never covers the table it changes
  document.addEventListener('click', (event) => {
    if (details.open && !details.contains(event.target)) details.open = false;
  });
  apply();
  return apply;
}
