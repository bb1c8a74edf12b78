// The locations page's daily routine: its schedule form, the next and the last run.
import { $, api, busy, showError, t, toast } from './common.js';

function formatNext(schedule) {
  if (!schedule.nextRun) return t('schedule.none');
  try {
    const when = new Intl.DateTimeFormat(document.documentElement.lang || 'de', {
      dateStyle: 'full', timeStyle: 'short', timeZone: schedule.zone,
    }).format(new Date(schedule.nextRun));
    return `${when} (${schedule.zone})`;
  } catch (e) {
    return schedule.nextRun;
  }
}

function formatTime(iso) {
  try {
    return new Intl.DateTimeFormat(document.documentElement.lang || 'de', { dateStyle: 'medium', timeStyle: 'short' })
      .format(new Date(iso));
  } catch {
    return iso;
  }
}

/** What became of the routine's last run: its status and numbers, or why it did not start. */
function renderLastRun(last) {
  const line = $('schedule-last');
  line.hidden = !last;
  if (!last) return;
  const at = last.at ? formatTime(last.at) : '';
  if (last.status === 'NOT_STARTED') {
    line.textContent = t('schedule.last.not-started', { at, message: last.message || '' });
    line.className = 'schedule-last run-warning mb-0';
    return;
  }
  const counts = last.counters || {};
  const numbers = t('schedule.last.counts', { found: counts.placesNew ?? 0, qualified: counts.qualified ?? 0 });
  line.textContent = t('schedule.last', { id: last.runId, status: t(`run.status.${last.status}`), at, numbers });
  line.className = `schedule-last mb-0${last.status === 'COMPLETED' ? '' : ' run-warning'}`;
}

function renderSchedule(schedule) {
  $('schedule-enabled').checked = schedule.enabled;
  $('schedule-time').value = schedule.time;
  $('schedule-zone').value = schedule.zone;
  $('schedule-next').textContent = formatNext(schedule);
  renderLastRun(schedule.lastRun);
}

export async function loadSchedule() {
  try {
    renderSchedule(await api('/api/settings/schedule'));
  } catch (e) {
    showError('schedule-error', e.message);
  }
}

async function saveSchedule(button) {
  showError('schedule-error', '');
  await busy(button, async () => {
    try {
      const schedule = await api('/api/settings/schedule', {
        method: 'PUT',
        body: { enabled: $('schedule-enabled').checked, time: $('schedule-time').value, zone: $('schedule-zone').value },
      });
      renderSchedule(schedule);
      toast(schedule.enabled ? t('schedule.saved', { next: formatNext(schedule) }) : t('schedule.off'), 'success');
    } catch (e) {
      showError('schedule-error', e.message);
      toast(e.message, 'error');
      // keep what the user typed so it can be corrected; only the stored next run is shown again
      api('/api/settings/schedule')
        .then((stored) => {
          $('schedule-next').textContent = formatNext(stored);
        })
        .catch(() => {});
    }
  });
}

$('schedule-form').addEventListener('submit', (event) => {
  event.preventDefault();
  saveSchedule($('schedule-save'));
});
$('schedule-enabled').addEventListener('change', () => saveSchedule($('schedule-save')));
$('run-now').addEventListener('click', async () => {
  showError('schedule-error', '');
  await busy($('run-now'), async () => {
    try {
      await api('/api/schedule/run-now', { method: 'POST' });
      toast(t('schedule.started'), 'success');
    } catch (e) {
      showError('schedule-error', e.message);
      toast(e.message, 'error');
    }
  });
});
