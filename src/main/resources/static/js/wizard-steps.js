// The wizard's mails: the first one and follow-ups after N days without a reply, each a template with
// placeholders or an AI prompt (the default prompt filled in; left unchanged, the server picks the
// default for each contact's kind, business or Instagram account).
import { $, t } from './common.js';

const MAX_STEPS = 5;
let defaults = { prompts: { business: '', instagram: '' } };
let onPreview = () => {};

const steps = () => [...document.querySelectorAll('#wizard-steps-list .wizard-step')];

function renumber() {
  steps().forEach((fieldset, i) => {
    fieldset.dataset.index = String(i);
    fieldset.querySelector('.step-title').textContent = i === 0 ? t('wizard.step.first') : t('wizard.step.followUp', { n: i });
    fieldset.querySelector('.step-delay-group').hidden = i === 0;
    fieldset.querySelector('.step-remove').hidden = i === 0;
  });
  $('wizard-add-step').hidden = steps().length >= MAX_STEPS;
}

function showMode(fieldset) {
  const ai = fieldset.querySelector('.step-mode').value === 'ai';
  fieldset.querySelector('.step-template-fields').hidden = ai;
  fieldset.querySelector('.step-ai-fields').hidden = !ai;
  const prompt = fieldset.querySelector('.step-prompt');
  if (ai && prompt.value.trim() === '') prompt.value = defaults.prompts.business;
}

/** Adds a step's fields, filled from a stored step (or empty). */
export function add(step = null) {
  const fieldset = $('step-template').content.firstElementChild.cloneNode(true);
  $('wizard-steps-list').append(fieldset);
  if (step) {
    fieldset.querySelector('.step-mode').value = step.mode || 'template';
    fieldset.querySelector('.step-subject').value = step.subject ?? '';
    fieldset.querySelector('.step-body').value = step.body ?? '';
    fieldset.querySelector('.step-prompt').value = step.prompt ?? '';
    if (step.delayDays) fieldset.querySelector('.step-delay').value = step.delayDays;
  }
  fieldset.querySelector('.step-mode').addEventListener('change', () => showMode(fieldset));
  fieldset.querySelector('.step-remove').addEventListener('click', () => { fieldset.remove(); renumber(); });
  fieldset.querySelector('.step-preview').addEventListener('click', (event) => onPreview(Number(fieldset.dataset.index), event.currentTarget));
  showMode(fieldset);
  renumber();
  return fieldset;
}

/** One step as the API takes it; the untouched default prompt goes as none. */
export function step(index) {
  const fieldset = steps()[index];
  const mode = fieldset.querySelector('.step-mode').value;
  const delay = Number(fieldset.querySelector('.step-delay').value);
  if (mode === 'ai') {
    const prompt = fieldset.querySelector('.step-prompt').value.trim();
    const unchanged = prompt === defaults.prompts.business.trim() || prompt === defaults.prompts.instagram.trim();
    return { delayDays: index === 0 ? 0 : delay, mode, prompt: prompt === '' || unchanged ? null : prompt };
  }
  return {
    delayDays: index === 0 ? 0 : delay,
    mode,
    subject: fieldset.querySelector('.step-subject').value.trim(),
    body: fieldset.querySelector('.step-body').value.trim(),
  };
}

export function all() {
  return steps().map((_, i) => step(i));
}

export function count() {
  return steps().length;
}

/** Replaces the steps with a stored campaign's. */
export function fill(list) {
  $('wizard-steps-list').replaceChildren();
  for (const s of list?.length ? list : [null]) add(s);
}

export function init(wizardDefaults, previewHandler) {
  defaults = wizardDefaults;
  onPreview = previewHandler;
  $('wizard-add-step').addEventListener('click', () => {
    if (count() < MAX_STEPS) add(null).querySelector('.step-mode').focus();
  });
}
