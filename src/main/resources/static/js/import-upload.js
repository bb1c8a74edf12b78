// Step 1 of an import: a file dropped on the zone or chosen, with an optional tag, goes to the server, which
// answers with the detected format, the columns, sample rows and the proposed mapping.
import { $, api, busy, t, toast } from './common.js';

let chosen = null;

function choose(file) {
  chosen = file || null;
  $('import-file-name').textContent = chosen ? t('imports.chosen', { name: chosen.name, size: (chosen.size / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 }) }) : t('imports.drop.hint');
  $('import-drop').classList.toggle('has-file', Boolean(chosen));
}

/** Wires the drop zone and the form; onUploaded(view) gets the server's answer. */
export function initUpload(onUploaded) {
  const zone = $('import-drop');
  $('import-file').addEventListener('change', (e) => choose(e.target.files[0]));
  ['dragenter', 'dragover'].forEach((name) => zone.addEventListener(name, (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  }));
  ['dragleave', 'drop'].forEach((name) => zone.addEventListener(name, () => zone.classList.remove('dragging')));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    choose(e.dataTransfer.files[0]);
  });
  $('import-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!chosen) {
      toast(t('imports.noFile'), 'error');
      return;
    }
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    if ($('import-tag').value.trim()) form.append('tag', $('import-tag').value.trim());
    await busy($('import-upload'), async () => {
      try {
        const view = await api('/api/imports', { method: 'POST', body: form, timeoutMs: 300000 });
        toast(t('imports.uploaded', { name: view.fileName, rows: view.rows.toLocaleString() }), 'success');
        onUploaded(view);
      } catch (err) {
        toast(err.message, 'error', 12000);
      }
    });
  });
}
