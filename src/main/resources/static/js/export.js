// The export buttons: CSV and Excel downloads and a new Google Sheet, each with the table's filter and sort.
import { $, api, busy, link, t, toast } from './common.js';

let tableQuery = () => new URLSearchParams();

/** The download links carry what the table shows, so the file has the same rows in the same order. */
export function updateExportLinks() {
  for (const format of ['csv', 'xlsx']) {
    const params = tableQuery();
    params.set('format', format);
    $(`export-${format}`).href = `/export?${params}`;
  }
}

/** The file name of an attachment's Content-Disposition header. */
function filename(disposition) {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition || '');
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * A download through fetch: a refused export (429: the export slots are full, or a problem of the filter) shows
 * its German message as a toast instead of a broken file; a file is handed to the browser's download.
 */
export async function download(event) {
  const link = event.currentTarget;
  event.preventDefault();
  if (link.getAttribute('aria-busy') === 'true') return;
  link.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(link.href, { credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.assign('/login');
      return;
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      toast(problem?.detail || `${t('error.generic')} (HTTP ${response.status})`, 'error', 12000);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const save = document.createElement('a');
    save.href = url;
    save.download = filename(response.headers.get('Content-Disposition')) || 'export';
    save.hidden = true;
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    toast(t('error.network'), 'error', 12000);
  } finally {
    link.removeAttribute('aria-busy');
  }
}

async function exportToSheets() {
  await busy($('export-sheets'), async () => {
    try {
      // thousands of rows go to Google in chunks: allow far more than the usual 15 s
      const result = await api(`/export/sheets?${tableQuery()}`, { method: 'POST', timeoutMs: 300000 });
      const note = toast(`${t('export.sheets.done')} `, 'success', 30000);
      note.append(link(t('export.sheets.open'), result.url));
    } catch (e) {
      toast(e.message, 'error', 12000);
    }
  });
}

/** filterParams: the table's current filter and sort as query parameters. */
export function initExport(filterParams) {
  tableQuery = filterParams;
  $('export-sheets').addEventListener('click', exportToSheets);
  for (const format of ['csv', 'xlsx']) $(`export-${format}`).addEventListener('click', download);
}
