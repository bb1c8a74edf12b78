// The page of one campaign: status, progress and next send time (polled), the lifecycle buttons,
// and its messages with approval.
import { $, api, busy, el, may, t, toast } from './common.js';

const id = $('campaign-page').dataset.id;
const lang = () => document.documentElement.lang || 'de';
const COUNTS = ['audience', 'drafted', 'approved', 'queued', 'sent', 'failed', 'skipped', 'unknown',
  'openedHuman', 'clickedHuman', 'unsubscribed', 'bounced', 'replied'];

// the lifecycle moves the server allows from a state (Campaigns.java); the others are greyed out
const ALLOWED = {
  prepare: (c) => ['DRAFT', 'READY'].includes(c.status),
  start: (c) => c.status === 'READY',
  pause: (c) => c.status === 'SENDING',
  resume: (c) => c.status === 'PAUSED',
  stop: (c) => ['DRAFT', 'PREPARING', 'READY', 'SENDING', 'PAUSED'].includes(c.status),
  'retry-failed': (c) => c.counts.failed > 0 && c.status !== 'STOPPED',
  'approve-all': (c) => c.counts.drafted > 0 && c.status !== 'STOPPED',
};
const buttons = [...document.querySelectorAll('#campaign-actions button')];
let current = null;

function actions() {
  for (const button of buttons) {
    const allowed = ALLOWED[button.dataset.action];
    button.disabled = current === null || (allowed !== undefined && !allowed(current));
  }
}

function when(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

function show(c) {
  current = c;
  actions();
  $('campaign-name').textContent = c.name;
  $('campaign-status').textContent = t(`campaigns.status.${c.status}`);
  $('campaign-status').dataset.status = c.status;
  $('campaign-reason').textContent = c.statusReason ? `(${c.statusReason})` : '';
  $('campaign-next').textContent = when(c.nextSendAt);
  // drafts wait for a person only when the campaign asks for approval; settings change only before sending
  $('campaign-review').hidden = !c.requireApproval;
  $('campaign-edit').hidden = !['DRAFT', 'READY'].includes(c.status);
  const n = c.counts;
  const total = n.audience === 0 ? 0 : n.sent + n.skipped + n.failed + n.unknown;
  const all = n.drafted + n.approved + n.queued + n.sent + n.failed + n.skipped + n.unknown;
  const percent = all === 0 ? 0 : Math.round((100 * total) / all);
  $('campaign-progress').style.width = `${percent}%`;
  $('campaign-progress-text').textContent = t('campaigns.progress', { done: total, all });
  $('campaign-counts').replaceChildren(...COUNTS.flatMap((k) => [
    el('dt', { text: t(`campaigns.count.${k}`) }),
    el('dd', { className: `count-${k}`, text: String(n[k]) }),
  ]));
}

function messageRow(m) {
  const tr = el('tr', { className: 'message', attrs: { 'data-id': m.id, 'data-status': m.status } });
  const actions = el('td', { className: 'actions needs-member' });
  if (may('MEMBER') && m.status === 'DRAFTED') {
    const approve = el('button', { className: 'btn btn-small message-approve', text: t('campaigns.approve'), attrs: { type: 'button' } });
    approve.addEventListener('click', () => busy(approve, async () => {
      try {
        await api(`/api/messages/${m.id}/approve`, { method: 'POST', body: {} });
        await load();
      } catch (e) {
        toast(e.message, 'error');
      }
    }));
    actions.append(approve);
  }
  const status = m.skipReason ? `${t(`campaigns.msg.${m.status}`)} (${m.skipReason})` : t(`campaigns.msg.${m.status}`);
  tr.append(
    el('td', { text: String(m.step + 1) }),
    el('td', { className: 'to', text: m.to ?? '' }),
    el('td', { className: 'subject', text: m.subject ?? m.error ?? '' }),
    el('td', { className: 'status', text: status }),
    el('td', { text: when(m.sentAt) }),
    actions,
  );
  return tr;
}

async function load() {
  try {
    const [campaign, messages] = await Promise.all([
      api(`/api/campaigns/${id}`), api(`/api/campaigns/${id}/messages?size=200`)]);
    show(campaign);
    $('messages-body').replaceChildren(...messages.items.map(messageRow));
  } catch (e) {
    toast(e.message, 'error');
  }
}

for (const button of buttons) {
  button.addEventListener('click', async () => {
    await busy(button, async () => {
      try {
        await api(`/api/campaigns/${id}/${button.dataset.action}`, { method: 'POST', body: {} });
        await load();
      } catch (e) {
        toast(e.message, 'error');
      }
    });
    actions(); // busy() enabled it again: the new state decides
  });
}
load();
setInterval(load, 3000);
