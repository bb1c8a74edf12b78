// „Import": wires the steps (upload → mapping → run and counts) and the list of earlier imports; ?id= opens one.
import { $, api, el, t, toast } from './common.js';
import { dateTime } from './leads-cells.js';
import { hideMapping, initMapping, showMapping } from './import-mapping.js';
import { followImport, initResult } from './import-result.js';
import { initUpload } from './import-upload.js';

function setAddress(id) {
  const url = new URL(window.location.href);
  url.searchParams.set('id', id);
  window.history.replaceState(null, '', url);
}

/** Shows an import in the state it is in: its mapping while it waits, else its run and counts. */
function open(view) {
  setAddress(view.id);
  if (view.status === 'MAPPING') {
    $('import-result').hidden = true;
    showMapping(view);
  } else {
    hideMapping();
    followImport(view);
  }
}

function row(view) {
  const tr = el('tr', { attrs: { 'data-id': view.id } });
  const opener = el('button', { className: 'link-button open-import', text: `#${view.id}`, attrs: { type: 'button' } });
  opener.addEventListener('click', async () => {
    try {
      open(await api(`/api/imports/${view.id}`));
    } catch (e) {
      toast(e.message, 'error');
    }
  });
  const tag = view.tag ? el('a', { text: view.tag, attrs: { href: `/contacts?tag=${encodeURIComponent(view.tag)}` } }) : null;
  const cells = [opener, view.fileName, tag, t(`imports.status.${view.status}`), Number(view.rows).toLocaleString(),
    view.counts ? Number(view.counts.imported ?? 0).toLocaleString() : '', dateTime(view.createdAt)];
  cells.forEach((c, i) => {
    const td = el('td', { className: i === 4 || i === 5 ? 'num' : undefined });
    if (c instanceof Node) td.append(c);
    else if (c != null) td.textContent = c;
    tr.append(td);
  });
  return tr;
}

async function loadList() {
  try {
    const views = await api('/api/imports');
    $('imports-body').replaceChildren(...views.map(row));
    $('imports-empty').hidden = views.length > 0;
  } catch (e) {
    toast(e.message, 'error');
  }
}

initUpload((view) => { open(view); loadList(); });
initMapping((view) => { open(view); loadList(); });
initResult(() => loadList());
loadList();
const id = new URLSearchParams(window.location.search).get('id');
if (id) {
  api(`/api/imports/${encodeURIComponent(id)}`).then(open).catch((e) => toast(e.message, 'error'));
}
