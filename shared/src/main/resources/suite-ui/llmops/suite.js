// The suite view, served by every service at /ui/llmops/suite.html: one list (calls, runs, tasks,
// challengers, promotions) of every configured service, fetched by this service from
// /v1/llmops/suite/{list}; a service that is down or lacks the list says so.
import {
  addMessages, api, apiKey, applyI18n, el, fmtMoney, fmtNumber, fmtTime, mountShell, onLangChange, showError, signedIn, t,
} from '/ui/common/suite.js';

addMessages({
  en: {
    'suite.title': 'LLM operations of the suite', 'nav.llmops': 'This service', 'tab.calls': 'LLM calls',
    'tab.runs': 'Workflow runs', 'tab.tasks': 'Tasks', 'tab.challengers': 'Challengers', 'tab.promotions': 'Promotions',
    'suite.hint': 'Every service of the suite, read by this service from each one\'s own API (suite.llmops.peers).',
    'suite.none': 'No services are configured (suite.llmops.peers.<name>).', 'status.up': 'up', 'status.down': 'down',
    'status.absent': 'not available on this service', 'status.error': 'error', empty: 'Nothing yet.',
  },
  zh: {
    'suite.title': '全套服务的大模型运维', 'nav.llmops': '本服务', 'tab.calls': '模型调用', 'tab.runs': '工作流运行',
    'tab.tasks': '任务', 'tab.challengers': '挑战者', 'tab.promotions': '晋升',
    'suite.hint': '套件中的每个服务，由本服务从各自的接口读取（suite.llmops.peers）。',
    'suite.none': '未配置任何服务（suite.llmops.peers.<名称>）。', 'status.up': '在线', 'status.down': '不可达',
    'status.absent': '该服务暂不提供', 'status.error': '错误', empty: '暂无数据。',
  },
});

/** Columns per list; lists not known here show the first fields of their items. */
const COLUMNS = {
  calls: [['createdAt', fmtTime], ['task'], ['model'], ['outcome'], ['firstTokenMicros', (v) => (v == null ? '' : fmtNumber(v / 1000, 1))],
    ['latencyMicros', (v) => fmtNumber((v || 0) / 1000, 1)], ['cost', fmtMoney]],
  runs: [['startedAt', fmtTime], ['workflow'], ['status'], ['durationMicros', (v) => fmtNumber((v || 0) / 1000, 1)]],
  tasks: [['task'], ['active', (v) => (v ? `${v.routeVersion || ''} / ${v.promptVersion || ''}` : '')],
    ['routeVersions', (v) => (v || []).join(', ')], ['promptVersions', (v) => (v || []).join(', ')]],
};

let current = 'calls';
mountShell({ titleKey: 'suite.title', nav: [{ href: '/ui/llmops/', key: 'nav.llmops' }] });
onLangChange(() => { applyI18n(); load(); });
document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => { location.hash = b.dataset.tab; }));
window.addEventListener('hashchange', () => load());
signedIn().then(() => load());

async function load() {
  if (!apiKey()) return;
  current = (location.hash || '#calls').slice(1);
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === current));
  const box = document.getElementById('services');
  box.replaceChildren(el('div', { class: 'empty' }, t('loading')));
  try {
    const view = await api(`/v1/llmops/suite/${encodeURIComponent(current)}`, { query: { limit: 50 } });
    if (!view.services.length) { box.replaceChildren(el('div', { class: 'empty' }, t('suite.none'))); return; }
    box.replaceChildren(...view.services.map(card));
  } catch (e) { showError(e, box); }
}

function badge(status) {
  const cls = status === 'up' ? 'ok' : status === 'absent' ? 'warn' : 'bad';
  return el('span', { class: `badge ${cls}` }, t(`status.${status}`));
}

function card(s) {
  const head = el('h2', {}, s.service, badge(s.status), el('span', { class: 'muted small' }, `${s.baseUrl} · ${s.millis} ms`));
  const section = el('div', { class: 'card service', dataset: { service: s.service, status: s.status } }, head);
  if (s.status !== 'up') {
    section.append(el('div', { class: 'empty' }, s.error || ''));
    return section;
  }
  const items = Array.isArray(s.items) ? s.items : (s.items && Array.isArray(s.items.items) ? s.items.items : []);
  if (!items.length) { section.append(el('div', { class: 'empty' }, t('empty'))); return section; }
  const cols = COLUMNS[current] || Object.keys(items[0]).slice(0, 6).map((k) => [k]);
  section.append(el('div', { class: 'table-wrap' }, el('table', {},
    el('thead', {}, el('tr', {}, cols.map(([k]) => el('th', {}, k)))),
    el('tbody', {}, items.map((item) => el('tr', {}, cols.map(([k, f]) => {
      const v = item[k];
      return el('td', {}, f ? f(v) : (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v ?? '')));
    })))))));
  return section;
}
