// Shared page helpers for every service: API key sign-in (kept in sessionStorage), calls to the
// service's API with that key, English/Chinese messages, and small DOM builders. No build step.

const KEY_STORE = 'suite.apiKey';
const LANG_STORE = 'suite.lang';
const messages = { en: {}, zh: {} };

/** Adds page messages: {en: {key: text}, zh: {key: text}}. */
export function addMessages(more) {
  for (const lang of Object.keys(more)) Object.assign(messages[lang] ||= {}, more[lang]);
}

addMessages({
  en: {
    'lang.toggle': '中文', 'login.title': 'Sign in', 'login.key': 'API key', 'login.submit': 'Sign in',
    'login.hint': 'The key is kept only for this browser tab.', 'logout': 'Sign out', 'loading': 'Loading…',
    'empty': 'Nothing yet.', 'error': 'Error', 'refresh': 'Refresh', 'close': 'Close', 'nav.llmops': 'LLM operations',
    'nav.home': 'Home', 'login.bad': 'That key was not accepted.',
  },
  zh: {
    'lang.toggle': 'English', 'login.title': '登录', 'login.key': 'API 密钥', 'login.submit': '登录',
    'login.hint': '密钥只保存在当前浏览器标签页中。', 'logout': '退出', 'loading': '加载中…',
    'empty': '暂无数据。', 'error': '错误', 'refresh': '刷新', 'close': '关闭', 'nav.llmops': '大模型运维',
    'nav.home': '首页', 'login.bad': '密钥无效。',
  },
});

/** The page language: stored choice, else the browser's. */
export function lang() {
  const stored = localStorage.getItem(LANG_STORE);
  if (stored === 'en' || stored === 'zh') return stored;
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The message for key in the page language (English, then the key itself, as fallbacks). */
export function t(key, vars) {
  let s = messages[lang()][key] ?? messages.en[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, v);
  return s;
}

/** Fills every [data-i18n] / [data-i18n-placeholder] / [data-i18n-title] under root. */
export function applyI18n(root = document) {
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((e) => { e.title = t(e.dataset.i18nTitle); });
}

const langListeners = [];
/** Registers a re-render to run after the language changes. */
export function onLangChange(fn) { langListeners.push(fn); }

export function setLang(l) {
  localStorage.setItem(LANG_STORE, l);
  applyI18n();
  langListeners.forEach((fn) => fn(l));
}

/** Builds an element: el('td', {class: 'num', onclick: fn}, 'text', childNode, ...). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** An error from the API, carrying the problem document's detail. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function apiKey() { return sessionStorage.getItem(KEY_STORE); }

/**
 * Calls the service's API with the signed-in key. JSON bodies are sent as JSON, FormData as is.
 * Answers the parsed JSON (or text); throws ApiError with the problem's detail.
 */
export async function api(path, { method = 'GET', body, query, headers = {} } = {}) {
  let url = path;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.append(k, v);
    const s = q.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  const h = { Accept: 'application/json', ...headers };
  const key = apiKey();
  if (key) h.Authorization = `Bearer ${key}`;
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(url, { method, headers: h, body: payload });
  const type = res.headers.get('Content-Type') || '';
  const data = res.status === 204 ? null
    : type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (res.status === 401) {
    sessionStorage.removeItem(KEY_STORE);
    showLogin(t('login.bad'));
  }
  if (!res.ok) throw new ApiError(res.status, typeof data === 'object' ? data : { detail: data });
  return data;
}

/** Whatever list an API answered: the array itself, or the first array among common wrappers. */
export function listOf(data, ...names) {
  if (Array.isArray(data)) return data;
  if (!data || typeof data !== 'object') return [];
  for (const n of [...names, 'items', 'content', 'results', 'data']) if (Array.isArray(data[n])) return data[n];
  const firstArray = Object.values(data).find(Array.isArray);
  return firstArray || [];
}

export function toast(message, isError = false) {
  let box = document.getElementById('toast');
  if (!box) { box = el('div', { id: 'toast' }); document.body.append(box); }
  const item = el('div', { class: isError ? 'error' : '' }, message);
  box.append(item);
  setTimeout(() => item.remove(), isError ? 8000 : 3500);
}

/** Shows an error where the user is looking: inside container if given, and as a toast. */
export function showError(e, container) {
  const msg = `${t('error')}: ${e.message || e}`;
  if (container) container.replaceChildren(el('div', { class: 'notice error' }, msg));
  toast(msg, true);
  console.error(e);
}

let loginWaiters = [];

function showLogin(message) {
  if (document.getElementById('login-overlay')) return;
  const input = el('input', { id: 'login-key', type: 'password', autocomplete: 'off', required: true });
  const form = el('form', { id: 'login-form' },
    el('h2', {}, t('login.title')),
    el('label', {}, t('login.key'), el('br'), input),
    message ? el('div', { class: 'notice error' }, message) : null,
    el('div', { class: 'muted small' }, t('login.hint')),
    el('button', { id: 'login-submit', class: 'primary', type: 'submit' }, t('login.submit')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(KEY_STORE, input.value.trim());
    document.getElementById('login-overlay').remove();
    document.body.classList.add('signed-in');
    const waiting = loginWaiters; loginWaiters = [];
    waiting.forEach((fn) => fn());
  });
  document.body.classList.remove('signed-in');
  document.body.append(el('div', { id: 'login-overlay' }, form));
  input.focus();
}

/** Resolves once an API key is stored for this tab (asking for one if needed). */
export function signedIn() {
  if (apiKey()) { document.body.classList.add('signed-in'); return Promise.resolve(); }
  return new Promise((resolve) => { loginWaiters.push(resolve); showLogin(); });
}

/**
 * Puts the top bar on the page: title, navigation [{href, key}], language toggle and sign out.
 * The LLM operations link is added to every service's bar.
 */
export function mountShell({ titleKey, nav = [] }) {
  const here = location.pathname;
  const links = [...nav, { href: '/ui/llmops/', key: 'nav.llmops' }].map((n) =>
    el('a', { href: n.href, 'data-i18n': n.key, class: here === n.href ? 'active' : '' }, t(n.key)));
  const toggle = el('button', { id: 'lang-toggle', type: 'button', 'data-i18n': 'lang.toggle',
    onclick: () => setLang(lang() === 'zh' ? 'en' : 'zh') }, t('lang.toggle'));
  const logout = el('button', { id: 'logout', type: 'button', 'data-i18n': 'logout',
    onclick: () => { sessionStorage.removeItem(KEY_STORE); location.reload(); } }, t('logout'));
  const bar = el('header', { class: 'topbar' },
    el('h1', { 'data-i18n': titleKey }, t(titleKey)), el('nav', {}, links), el('div', { class: 'tools' }, toggle, logout));
  document.body.prepend(bar);
  applyI18n();
}

// Formatting ----------------------------------------------------------------------------------------

export function fmtNumber(v, digits) {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  if (Number.isNaN(n)) return String(v);
  return n.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-US',
    digits === undefined ? { maximumFractionDigits: 4 } : { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtMoney(v) { return fmtNumber(v, 2); }

export function fmtTime(v) {
  if (!v) return '';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  return d.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}

/** Pretty JSON for display; strings that hold JSON are parsed first. */
export function pretty(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    try { return JSON.stringify(JSON.parse(v), null, 2); } catch { return v; }
  }
  return JSON.stringify(v, null, 2);
}

/** A definition list of an object's scalar fields (for records whose shape may grow). */
export function kv(obj, keys) {
  const dl = el('dl', { class: 'kv' });
  for (const k of keys || Object.keys(obj || {})) {
    const v = obj?.[k];
    if (v === undefined || (typeof v === 'object' && v !== null)) continue;
    dl.append(el('dt', {}, t(k)), el('dd', {}, v === null ? '—' : String(v)));
  }
  return dl;
}

/** A progress bar for long work; fraction 0..1. */
export function progressBar(fraction, label) {
  const pct = Math.max(0, Math.min(1, Number(fraction) || 0)) * 100;
  return el('div', { class: 'row' },
    el('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': Math.round(pct) },
      el('div', { style: `width:${pct}%` })),
    el('span', { class: 'small muted' }, label ?? `${Math.round(pct)}%`));
}

/** Makes a table's th[data-sort] headers sort rows through the given callback(key, ascending). */
export function sortableHeader(labels, state, onSort) {
  return el('tr', {}, labels.map(([key, labelKey, cls]) => {
    if (!key) return el('th', { class: cls || '' }, t(labelKey));
    const arrow = state.key === key ? (state.asc ? ' ▲' : ' ▼') : ' ↕';
    return el('th', { class: `sortable ${cls || ''}`, dataset: { sort: key }, onclick: () => {
      state.asc = state.key === key ? !state.asc : true; state.key = key; onSort();
    } }, t(labelKey) + arrow);
  }));
}

export function compareBy(key, asc) {
  return (a, b) => {
    const x = a[key], y = b[key];
    const r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
    return asc ? r : -r;
  };
}
