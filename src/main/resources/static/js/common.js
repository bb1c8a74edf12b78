// Shared helpers of the pages: texts, toasts and JSON calls that turn RFC 9457 problems into messages.

const texts = JSON.parse(document.getElementById('i18n')?.textContent || '{}');

/** The page's text for key, with {name} placeholders filled from values. */
export function t(key, values = {}) {
  const template = texts[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

/** Shows a short message in the corner; text only, never HTML. */
export function toast(message, kind = 'info', millis = 6000) {
  const stack = document.getElementById('toasts');
  const el = document.createElement('div');
  el.className = `app-toast ${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  el.textContent = message;
  stack.appendChild(el);
  setTimeout(() => el.remove(), millis);
  return el;
}

export class ApiError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

/** fetch() for JSON APIs: resolves with the parsed body, rejects with an ApiError whose message is the problem's detail. */
export async function api(url, { method = 'GET', body, timeoutMs = 15000 } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(t('error.network'), 0, null);
  } finally {
    clearTimeout(timer);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const detail = data && (data.detail || data.title);
    throw new ApiError(detail || `${t('error.generic')} (HTTP ${response.status})`, response.status, data);
  }
  return data;
}

/** Disables a button while work runs, so every click gets visible feedback and none is doubled. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
