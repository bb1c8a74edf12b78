// The wizard's preview: one step's mail for a real contact of the audience (the next one on request),
// the body in a sandboxed frame (no scripts, no access to the page: for AI steps it is an LLM's HTML),
// and the link to the PDF proposal that contact would get.
import { $, api, busy, showError, t } from './common.js';

/** The mail's HTML as a document of its own for the frame's srcdoc. */
export function mailDocument(html) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
}

export function createPreview({ audience, productId, step, provider, model }) {
  const state = { index: 0, contactId: null };

  function show(p) {
    state.contactId = p.contactId;
    $('preview-name').textContent = p.name || '';
    $('preview-to').textContent = p.to || '';
    $('preview-subject').textContent = p.subject || '';
    $('preview-frame').srcdoc = mailDocument(p.html || '');
    const query = new URLSearchParams({ contactId: p.contactId });
    if (productId()) query.set('productId', productId());
    $('preview-pdf').href = `/api/campaigns/preview.pdf?${query}`;
    $('preview-step').textContent = state.index === 0 ? t('wizard.step.first') : t('wizard.step.followUp', { n: state.index });
    const wasHidden = $('wizard-preview').hidden;
    $('wizard-preview').hidden = false;
    // the preview sits below every step: bring it into sight the first time it appears
    if (wasHidden) $('wizard-preview').scrollIntoView({ block: 'nearest' });
    $('wizard-preview').dataset.contactId = String(p.contactId);
  }

  async function ask(button, after) {
    showError('preview-error', '');
    const body = {
      audience: audience(),
      after,
      productId: productId(),
      stepIndex: state.index,
      step: step(state.index),
      provider: provider(),
      model: model(),
    };
    await busy(button, async () => {
      try {
        // an AI step waits for the provider: longer than an ordinary call
        show(await api('/api/campaigns/preview', { method: 'POST', body, timeoutMs: 120000 }));
      } catch (e) {
        showError('preview-error', t('wizard.preview.failed', { detail: e.message }));
      }
    });
  }

  $('preview-next').addEventListener('click', (event) => ask(event.currentTarget, state.contactId));

  /** The preview of step index, for the audience's first contact. */
  return (index, button) => {
    state.index = index;
    return ask(button, null);
  };
}
