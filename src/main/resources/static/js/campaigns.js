// The page „Kampagnen": every campaign with its live numbers (polled), and a form that creates a
// template campaign over a filter of the lead book.
import { $, api, busy, el, link, t, toast } from './common.js';

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

async function options() {
  try {
    const [mailboxes, products] = await Promise.all([api('/api/mailboxes'), api('/api/products')]);
    $('campaign-mailbox').replaceChildren(...mailboxes.map((m) =>
      el('option', { text: `${m.name} (${m.fromEmail ?? m.kind})`, attrs: { value: m.id } })));
    $('campaign-product').append(...products.map((p) => el('option', { text: p.name, attrs: { value: p.id } })));
  } catch (e) {
    toast(e.message, 'error');
  }
}

const value = (id) => $(id).value.trim() || null;

async function create(button) {
  $('campaign-error').hidden = true;
  const body = {
    name: value('campaign-name'),
    audience: {
      filter: {
        tag: value('campaign-tag'), city: value('campaign-city'),
        category: value('campaign-category'), status: value('campaign-status'),
      },
    },
    mailboxId: Number($('campaign-mailbox').value) || null,
    productId: Number($('campaign-product').value) || null,
    steps: [{ delayDays: 0, mode: 'template', subject: value('campaign-subject'), body: value('campaign-body') }],
    requireApproval: $('campaign-approval').checked,
    trackOpens: $('campaign-opens').checked,
    trackClicks: $('campaign-clicks').checked,
  };
  await busy(button, async () => {
    try {
      const created = await api('/api/campaigns', { method: 'POST', body });
      window.location.assign(`/campaigns/${created.id}`);
    } catch (e) {
      $('campaign-error').textContent = e.message;
      $('campaign-error').hidden = false;
      toast(e.message, 'error');
    }
  });
}

$('campaign-form').addEventListener('submit', (event) => {
  event.preventDefault();
  create($('campaign-save'));
});
options();
load();
setInterval(load, 5000);
