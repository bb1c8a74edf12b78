// Shared helpers of the pages: texts, toasts, JSON calls that turn RFC 9457 problems into messages,
// small DOM helpers, and the page's events through which the panels of a page talk to each other.

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

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

/** The reader's role (VIEWER, MEMBER, ADMIN); the server decides, the page only hides what would be refused. */
export const role = () => meta('leadgen-role') || 'VIEWER';
const RANKS = { VIEWER: 0, MEMBER: 1, ADMIN: 2 };
/** Whether the reader's role includes this one. */
export const may = (needed) => RANKS[role()] >= RANKS[needed];

/** Headers of a call: JSON, and for every change the page's CSRF token (Spring Security checks it). */
function headers(method, body) {
  const h = { Accept: 'application/json' };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const token = meta('_csrf');
  const header = meta('_csrf_header');
  if (method !== 'GET' && method !== 'HEAD' && token && header) h[header] = token;
  return h;
}

/**
 * fetch() for JSON APIs: resolves with the parsed body, rejects with an ApiError whose message is the problem's
 * detail. A FormData body goes as multipart (an upload), anything else as JSON.
 */
export async function api(url, { method = 'GET', body, timeoutMs = 15000 } = {}) {
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: headers(method, form ? undefined : body),
      body: body === undefined || form ? body : JSON.stringify(body),
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
  if (response.status === 401) {
    // the session ended (logged out elsewhere, password changed, user deactivated): to the login page
    window.location.assign('/login');
    throw new ApiError(t('error.login'), 401, data);
  }
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

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** A new element; text goes in as text, so scraped HTML is shown, never run. */
export function el(tag, { className, text, attrs } = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  return node;
}

/** A link for http(s) and mailto addresses only; anything else (javascript: …) stays plain text. */
export function link(text, href) {
  const safe = /^(https?:|mailto:)/i.test(href || '');
  if (!safe) return document.createTextNode(text);
  const a = el('a', { text });
  a.href = href;
  if (!href.startsWith('mailto:')) { a.target = '_blank'; a.rel = 'noopener noreferrer nofollow'; }
  return a;
}

/** Tells the page's other panels that something happened (a DOM CustomEvent on document). */
export function emit(name, detail) {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

/** Calls handler with the detail of every event of that name. */
export function on(name, handler) {
  document.addEventListener(name, (event) => handler(event.detail));
}

/** Calls fn once typing has paused for millis (a search box asks the server once, not per key). */
export function debounce(fn, millis = 300) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), millis);
  };
}

/** „csv:12:40" → „CSV-Import 12, Zeile 40"; other sources as the server names them. */
export function sourceLabel(source) {
  const csv = /^csv:(\d+):(\d+)$/.exec(source || '');
  if (csv) return t('source.csv', { id: csv[1], line: csv[2] });
  return source || '';
}

/** Shows a form's error text in the box with this id, or hides the box when there is none. */
export function showError(id, message) {
  const box = $(id);
  box.textContent = message;
  box.hidden = !message;
}

// The header's „Outreach" menu is a <details>: a click elsewhere or Escape closes it, as a menu does.
document.addEventListener('click', (event) => {
  for (const menu of document.querySelectorAll('details.nav-menu[open]')) {
    if (!menu.contains(event.target)) menu.open = false;
  }
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const menu of document.querySelectorAll('details.nav-menu[open]')) menu.open = false;
});
