// The page „Entwürfe prüfen" (/campaigns/{id}/review): a campaign's drafts (or its approved messages)
// page by page, each readable as it goes out, editable and approvable; „Alle freigeben" at once.
import { $, api, busy, t, toast } from './common.js';
import { reviewItem } from './review-item.js';

const id = $('review-page').dataset.id;
const SIZE = 20;
const state = { page: 0, total: 0 };

async function load() {
  const status = $('review-status').value;
  try {
    const answer = await api(`/api/campaigns/${id}/messages?status=${status}&page=${state.page}&size=${SIZE}`);
    state.total = answer.total;
    const items = [];
    for (const m of answer.items) items.push(await reviewItem($('review-item-template'), m, counts));
    $('review-list').replaceChildren(...items);
    $('review-empty').hidden = answer.items.length > 0;
    $('review-prev').hidden = state.page === 0;
    $('review-next').hidden = (state.page + 1) * SIZE >= answer.total;
    await counts();
  } catch (e) {
    toast(e.message, 'error');
  }
}

/** The campaign's name and how many drafts still wait. */
async function counts() {
  const c = await api(`/api/campaigns/${id}`);
  $('review-campaign').textContent = c.name;
  $('review-total').textContent = t('review.total', { drafted: c.counts.drafted, approved: c.counts.approved });
  $('review-approve-all').hidden = c.counts.drafted === 0;
}

$('review-status').addEventListener('change', () => { state.page = 0; load(); });
$('review-prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); load(); });
$('review-next').addEventListener('click', () => { state.page += 1; load(); });
$('review-approve-all').addEventListener('click', (event) => {
  const button = event.currentTarget;
  if (!window.confirm(t('review.confirmAll'))) return;
  busy(button, async () => {
    try {
      const answer = await api(`/api/campaigns/${id}/approve-all`, { method: 'POST', body: {} });
      toast(t('review.approvedAll', { n: answer.approved }), 'success');
      state.page = 0;
      await load();
    } catch (e) {
      toast(e.message, 'error');
    }
  });
});
load();
