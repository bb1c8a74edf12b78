// A run that waits after its crawl: the user ticks the hashtags whose accounts are worth enriching.
import { $, api, busy, el, t, toast } from './common.js';
import { followRun } from './run-follow.js';

/** Shows the hashtags while run awaits a selection, and hides them otherwise. */
export function showSelection(run) {
  const form = $('selection');
  if (run.status !== 'AWAITING_SELECTION') {
    form.hidden = true;
    return;
  }
  if (!form.hidden && form.dataset.run === String(run.id)) return; // keep the user's ticks
  form.dataset.run = run.id;
  $('selection-list').replaceChildren(...(run.hashtags || []).map(hashtagItem));
  form.hidden = false;
}

/** A hashtag with its numbers; ticked when it brings accounts no earlier run found. */
function hashtagItem(h) {
  const box = el('input', { className: 'form-check-input m-0', attrs: { type: 'checkbox' } });
  box.value = h.name;
  box.checked = h.newUsernames > 0;
  const posts = h.posts == null ? '–' : Number(h.posts).toLocaleString();
  const text = el('span', { text: t('run.selection.row', { name: h.name, posts, usernames: h.usernames, newUsernames: h.newUsernames }) });
  const label = el('label', { className: 'form-check-label d-flex gap-2 align-items-center fw-normal' });
  label.append(box, text);
  const li = el('li');
  li.append(label);
  return li;
}

async function continueWithSelection(event) {
  event.preventDefault();
  const id = Number($('selection').dataset.run);
  const selected = [...document.querySelectorAll('#selection-list input:checked')].map((b) => b.value);
  await busy($('selection-continue'), async () => {
    try {
      const run = await api(`/api/runs/${id}/hashtags`, { method: 'POST', body: { selected } });
      toast(t('run.selection.sent', { count: selected.length }), 'success');
      $('selection').hidden = true;
      followRun(run);
    } catch (e) {
      toast(e.message, 'error');
    }
  });
}

export function initSelection() {
  $('selection').addEventListener('submit', continueWithSelection);
}
