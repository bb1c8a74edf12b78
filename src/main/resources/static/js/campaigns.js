// The page „Kampagnen": every campaign with its live numbers (polled); „Neue Kampagne" opens the wizard.
import { $, api, el, link, t, toast } from './common.js';

const lang = () => document.documentElement.lang || 'de';

function when(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

function row(c) {
  const n = c.counts;
  const tr = el('tr', { className: 'campaign', attrs: { 'data-id': c.id } });
  const name = el('td', { className: 'name' });
  name.append(link(c.name, `/campaigns/${c.id}`));
  const cell = (cls, text) => el('td', { className: cls, text: String(text) });
  tr.append(
    name,
    cell('status', t(`campaigns.status.${c.status}`)),
    cell('audience', n.audience),
    cell('sent', n.sent),
    cell('waiting', n.queued + n.approved + n.drafted),
    cell('skipped', n.skipped),
    cell('failed', n.failed + n.unknown),
    cell('opened', `${n.openedHuman} (${n.opened})`),
    cell('clicked', `${n.clickedHuman} (${n.clicked})`),
    cell('next', when(c.nextSendAt)),
  );
  return tr;
}

async function load() {
  try {
    const campaigns = await api('/api/campaigns');
    $('campaigns-body').replaceChildren(...campaigns.map(row));
    $('campaigns-empty').hidden = campaigns.length > 0;
  } catch (e) {
    toast(e.message, 'error');
  }
}

load();
setInterval(load, 5000);
