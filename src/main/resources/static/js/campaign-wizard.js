// The campaign wizard (/campaigns/new, /campaigns/{id}/edit): four panes — audience with its live
// count, mailbox and product, the mails with a preview on a real contact, tracking and the sending
// window — with Weiter/Zurück; saving creates (POST) or changes (PUT) and opens the campaign's page.
import { $, api, busy, el, showError, t, toast } from './common.js';
import * as audience from './wizard-audience.js';
import * as steps from './wizard-steps.js';
import { createPreview } from './wizard-preview.js';

const page = $('wizard-page');
const id = page.dataset.id || null;
const editable = page.dataset.editable !== 'false';
const panes = [...document.querySelectorAll('.wizard-pane')];
const tabs = [...document.querySelectorAll('.wizard-tab')];
let current = 0;

function go(index) {
  current = Math.max(0, Math.min(panes.length - 1, index));
  panes.forEach((pane, i) => { pane.hidden = i !== current; });
  tabs.forEach((tab, i) => {
    tab.classList.toggle('active', i === current);
    if (i === current) tab.setAttribute('aria-current', 'step');
    else tab.removeAttribute('aria-current');
  });
  $('wizard-back').hidden = current === 0;
  $('wizard-next').hidden = current === panes.length - 1;
  $('wizard-save').hidden = current !== panes.length - 1;
  if (current === panes.length - 1) summary();
  panes[current].querySelector('input, select, textarea')?.focus();
}

const productId = () => Number($('wizard-product').value) || null;
const text = (elementId) => $(elementId).value.trim() || null;

function spec() {
  return {
    name: text('wizard-name'),
    audience: audience.audience(),
    mailboxId: Number($('wizard-mailbox').value) || null,
    productId: productId(),
    steps: steps.all(),
    provider: $('wizard-provider').value || null,
    model: text('wizard-model'),
    attachProposal: $('wizard-attach').checked,
    trackOpens: $('wizard-opens').checked,
    trackClicks: $('wizard-clicks').checked,
    requireApproval: $('wizard-approval').checked,
    sourceNotice: $('wizard-source-notice').checked,
    window: {
      from: $('window-from').value,
      to: $('window-to').value,
      zone: text('window-zone'),
      days: [...document.querySelectorAll('.window-day:checked')].map((d) => d.value),
    },
  };
}

/** The last pane repeats the choices in one sentence, so a person sees what they are about to save. */
function summary() {
  const s = spec();
  const mailbox = $('wizard-mailbox').selectedOptions[0]?.textContent ?? '–';
  const product = s.productId ? $('wizard-product').selectedOptions[0]?.textContent : t('wizard.summary.noProduct');
  $('wizard-summary').textContent = t('wizard.summary', {
    count: $('audience-count').dataset.count || '?', mailbox, product, steps: s.steps.length,
  }) + ' ' + t(s.sourceNotice ? 'wizard.summary.sourceNotice' : 'wizard.summary.noSourceNotice');
}

/** What a person must fill before the next pane; the server checks everything again on save. */
function missing(index) {
  if (index === 0 && !text('wizard-name')) return t('wizard.missing.name');
  if (index === 1 && !$('wizard-mailbox').value) return t('wizard.missing.mailbox');
  return null;
}

async function options(defaults) {
  const [mailboxes, products] = await Promise.all([api('/api/mailboxes'), api('/api/products')]);
  $('wizard-mailbox').replaceChildren(...mailboxes.map((m) =>
    el('option', { text: `${m.name} (${m.fromEmail ?? m.kind})`, attrs: { value: m.id } })));
  $('wizard-product').append(...products.map((p) => el('option', { text: p.name, attrs: { value: p.id } })));
  $('wizard-provider').replaceChildren(...defaults.providers.map((p) => el('option', {
    text: t(p.configured ? 'wizard.providerReady' : 'wizard.providerMissing', { name: t(`wizard.provider.${p.name}`) }),
    attrs: { value: p.name, 'data-model': p.model },
  })));
  $('wizard-provider').value = defaults.defaultProvider;
  const placeholder = () => { $('wizard-model').placeholder = $('wizard-provider').selectedOptions[0]?.dataset.model ?? ''; };
  $('wizard-provider').addEventListener('change', placeholder);
  placeholder();
}

function fill(c) {
  $('wizard-name').value = c.name;
  audience.fill(c.audience);
  $('wizard-mailbox').value = String(c.mailboxId);
  $('wizard-product').value = c.productId ? String(c.productId) : '';
  $('wizard-provider').value = c.provider;
  $('wizard-provider').dispatchEvent(new Event('change'));
  $('wizard-model').value = c.model ?? '';
  steps.fill(c.steps);
  $('wizard-attach').checked = c.attachProposal;
  $('wizard-opens').checked = c.trackOpens;
  $('wizard-clicks').checked = c.trackClicks;
  $('wizard-approval').checked = c.requireApproval;
  $('wizard-source-notice').checked = Boolean(c.sourceNotice);
  $('window-from').value = c.window.from;
  $('window-to').value = c.window.to;
  $('window-zone').value = c.window.zone;
  for (const day of document.querySelectorAll('.window-day')) day.checked = c.window.days.includes(day.value);
}

async function save(button) {
  showError('wizard-error', '');
  await busy(button, async () => {
    try {
      const saved = id
        ? await api(`/api/campaigns/${id}`, { method: 'PUT', body: spec() })
        : await api('/api/campaigns', { method: 'POST', body: spec() });
      window.location.assign(`/campaigns/${saved.id}`);
    } catch (e) {
      showError('wizard-error', e.message);
      toast(e.message, 'error');
    }
  });
}

$('wizard-next').addEventListener('click', () => {
  const problem = missing(current);
  showError('wizard-error', problem ?? '');
  if (!problem) go(current + 1);
});
// a hint from „Weiter" goes once the person types again
$('wizard-form').addEventListener('input', () => showError('wizard-error', ''));
$('wizard-back').addEventListener('click', () => { showError('wizard-error', ''); go(current - 1); });
tabs.forEach((tab, i) => tab.addEventListener('click', () => go(i)));
$('wizard-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (editable) save($('wizard-save'));
});

async function start() {
  try {
    const defaults = await api('/api/campaigns/defaults');
    await Promise.all([options(defaults), audience.init()]);
    steps.init(defaults, createPreview({
      audience: audience.audience,
      productId,
      step: steps.step,
      provider: () => $('wizard-provider').value || null,
      model: () => text('wizard-model'),
    }));
    if (id) fill(await api(`/api/campaigns/${id}`));
    else steps.fill([]);
    await audience.count();
  } catch (e) {
    toast(e.message, 'error');
  }
}
// the first pane at once: loading the lists must not take a person back who already went on
go(0);
start();
