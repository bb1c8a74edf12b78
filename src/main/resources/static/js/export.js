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
}
