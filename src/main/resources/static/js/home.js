// The start page: wires its panels together. Each panel is its own module; they talk through the events
// named here and the few functions passed along, never through globals.
import { on } from './common.js';
import { initExport, updateExportLinks } from './export.js';
import { initSelection, showSelection } from './hashtag-selection.js';
import { filterParams, initLeadsTable, loadLeads, setLatestRun } from './leads-table.js';
import { initRunControl } from './run-control.js';
import { LATEST_RUN, LEADS_STALE } from './run-follow.js';
import { RUN_SHOWN } from './run-progress.js';
import { initSession } from './session.js';
import { initSettings } from './settings.js';

on(RUN_SHOWN, ({ run }) => showSelection(run));
on(LATEST_RUN, ({ id }) => setLatestRun(id));
on(LEADS_STALE, ({ force }) => loadLeads({ force }));

initSession();
initSettings();
initSelection();
initExport(filterParams);
initLeadsTable({ onQueryChange: updateExportLinks });
// the newest run first, so „Nur letzter Lauf" knows it before the table loads
initRunControl().then(() => loadLeads());
