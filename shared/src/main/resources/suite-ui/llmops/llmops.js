// LLM operations view, served by every service at /ui/llmops/: calls, runs, task versions,
// annotations and experiments of this service, read from its /v1/llmops API.
import {
  addMessages, api, apiKey, applyI18n, el, fmtMoney, fmtNumber, fmtTime, kv, listOf, mountShell, onLangChange,
  pretty, progressBar, showError, signedIn, t,
} from '/ui/common/suite.js';

addMessages({
  en: {
    'llmops.title': 'LLM operations', 'nav.service': 'Service pages', 'nav.suite': 'Whole suite', 'tab.calls': 'LLM calls', 'tab.runs': 'Workflow runs',
    'tab.tasks': 'Tasks & prompt versions', 'tab.annotations': 'Annotations', 'tab.experiments': 'Experiments',
    task: 'Task', model: 'Model', provider: 'Provider', outcome: 'Outcome', any: 'any', 'calls.title': 'Calls',
    'call.title': 'One call', 'call.pick': 'Pick a call to see it in full.', time: 'Time', tokens: 'Tokens',
    cost: 'Cost', latency: 'Latency (ms)', attempts: 'Attempts', promptVersion: 'Prompt version',
    routeVersion: 'Route version', input: 'Input (redacted)', output: 'Output', parsed: 'Parsed result',
    error: 'Error', status: 'Status', millis: 'ms', 'runs.title': 'Runs', 'run.title': 'One run',
    'run.pick': 'Pick a run to see its node tree.', workflow: 'Workflow', duration: 'Duration (ms)', node: 'Node',
    kind: 'Kind', 'tasks.title': 'Tasks, active versions and available prompt versions',
    'annotations.title': 'Annotations', correct: 'Correct', comment: 'Comment', author: 'Author',
    correctedOutput: 'Corrected output', 'experiments.title': 'Experiment runs',
    'experiments.hint': 'Tick two runs to compare them side by side, item by item.', compare: 'Compare',
    progress: 'Progress', config: 'Configuration', score: 'Score', item: 'Item', expected: 'Expected',
    id: 'Id', client: 'Client', traceId: 'Trace', runId: 'Run', operation: 'Operation', createdAt: 'Created',
    inputTokens: 'Input tokens', outputTokens: 'Output tokens', cachedTokens: 'Cached tokens', latencyMicros: 'Latency (µs)', firstTokenMicros: 'First token (µs)',
    'promptVersions': 'Prompt versions', 'routeVersions': 'Route versions', local: 'Local implementation', lastChange: 'Last change', errors: 'Errors',
    'no.api': 'This view is not available on this service yet.', yes: 'yes', no: 'no', versions: 'Versions',
    active: 'Active', available: 'Available', name: 'Name', set: 'Set', items: 'Items', same: 'same', differs: 'differs',
  },
  zh: {
    'llmops.title': '大模型运维', 'nav.service': '服务页面', 'nav.suite': '全套服务', 'tab.calls': '模型调用', 'tab.runs': '工作流运行',
    'tab.tasks': '任务与提示词版本', 'tab.annotations': '标注', 'tab.experiments': '实验',
    task: '任务', model: '模型', provider: '提供方', outcome: '结果', any: '全部', 'calls.title': '调用列表',
    'call.title': '调用详情', 'call.pick': '选择一次调用查看详情。', time: '时间', tokens: '令牌数',
    cost: '费用', latency: '延迟（毫秒）', attempts: '尝试', promptVersion: '提示词版本',
    routeVersion: '路由版本', input: '输入（已脱敏）', output: '输出', parsed: '解析结果',
    error: '错误', status: '状态', millis: '毫秒', 'runs.title': '运行列表', 'run.title': '运行详情',
    'run.pick': '选择一次运行查看节点树。', workflow: '工作流', duration: '耗时（毫秒）', node: '节点',
    kind: '类型', 'tasks.title': '任务、当前版本与可用提示词版本',
    'annotations.title': '标注', correct: '正确', comment: '备注', author: '标注人',
    correctedOutput: '更正后的输出', 'experiments.title': '实验运行',
    'experiments.hint': '勾选两次运行，逐项并排比较。', compare: '比较',
    progress: '进度', config: '配置', score: '得分', item: '条目', expected: '期望',
    id: '编号', client: '调用方', traceId: '追踪号', runId: '运行', operation: '操作', createdAt: '创建时间',
    inputTokens: '输入令牌', outputTokens: '输出令牌', cachedTokens: '缓存令牌', latencyMicros: '延迟（微秒）', firstTokenMicros: '首个令牌（微秒）',
    'promptVersions': '提示词版本', 'routeVersions': '路由版本', local: '本地实现', lastChange: '最近变更', errors: '错误数',
    'no.api': '此服务暂不提供该视图。', yes: '是', no: '否', versions: '版本',
    active: '当前', available: '可用', name: '名称', set: '评测集', items: '条目数', same: '相同', differs: '不同',
  },
});

const state = { tab: 'calls', calls: [], selectedCall: null, experiments: [], picked: new Set() };

mountShell({ titleKey: 'llmops.title', nav: [{ href: '/ui/', key: 'nav.service' }, { href: '/ui/llmops/suite.html', key: 'nav.suite' }] });
onLangChange(() => render());

document.querySelectorAll('#tabs button').forEach((b) =>
  b.addEventListener('click', () => { location.hash = b.dataset.tab; }));
window.addEventListener('hashchange', () => showTab());
document.getElementById('call-filter').addEventListener('submit', (e) => { e.preventDefault(); loadCalls(); });
document.getElementById('compare').addEventListener('click', () => compare());

signedIn().then(() => showTab());

function showTab() {
  if (!apiKey()) return; // the login form calls showTab once a key is given
  state.tab = (location.hash || '#calls').slice(1);
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === state.tab));
  document.querySelectorAll('section.tab').forEach((s) => { s.hidden = s.id !== `tab-${state.tab}`; });
  ({ calls: loadCalls, runs: loadRuns, tasks: () => { loadTasks(); loadBudgets(); }, annotations: loadAnnotations, experiments: loadExperiments }[state.tab]
    || loadCalls)();
}

function render() { applyI18n(); showTab(); }

/** A missing endpoint (404) is shown as "not available here", anything else as an error. */
function failed(e, box) {
  if (e.status === 404) box.replaceChildren(el('div', { class: 'empty' }, t('no.api')));
  else showError(e, box);
}

// Calls --------------------------------------------------------------------------------------------

async function loadCalls() {
  const box = document.getElementById('calls');
  box.replaceChildren(el('div', { class: 'empty' }, t('loading')));
  const task = document.getElementById('filter-task').value.trim();
  const model = document.getElementById('filter-model').value.trim();
  const outcome = document.getElementById('filter-outcome').value;
  try {
    const data = await api('/v1/llmops/calls', { query: { task, model, outcome, limit: 200 } });
    // The filters are applied here too, so a server that ignores one still shows the right rows.
    state.calls = listOf(data, 'calls').filter((c) =>
      (!task || c.task === task) && (!outcome || c.outcome === outcome)
      && (!model || String(c.model || '').toLowerCase().includes(model.toLowerCase())));
    const tasks = [...new Set(listOf(data, 'calls').map((c) => c.task))].sort();
    document.getElementById('known-tasks').replaceChildren(...tasks.map((v) => el('option', { value: v })));
    renderCalls();
  } catch (e) { failed(e, box); }
}

function outcomeBadge(o) {
  const cls = o === 'ok' || o === 'cached' || o === 'answered_by_source' ? 'ok' : o === 'error' ? 'bad' : 'warn';
  return el('span', { class: `badge ${cls}` }, o);
}

function renderCalls() {
  const box = document.getElementById('calls');
  if (!state.calls.length) { box.replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
  box.replaceChildren(el('table', { id: 'calls-table' },
    el('thead', {}, el('tr', {}, ['time', 'task', 'model', 'promptVersion', 'outcome', 'tokens', 'cost', 'latency']
      .map((k) => el('th', { class: ['tokens', 'cost', 'latency'].includes(k) ? 'num' : '' }, t(k))))),
    el('tbody', {}, state.calls.map((c) => el('tr', {
      class: `clickable ${state.selectedCall === c.id ? 'selected' : ''}`, dataset: { callId: c.id, task: c.task },
      onclick: () => openCall(c.id),
    },
    el('td', {}, fmtTime(c.createdAt)), el('td', { class: 'call-task' }, c.task),
    el('td', {}, [c.provider, c.model].filter(Boolean).join(' / ')), el('td', {}, c.promptVersion || ''),
    el('td', {}, outcomeBadge(c.outcome)),
    el('td', { class: 'num' }, fmtNumber((c.inputTokens || 0) + (c.outputTokens || 0))),
    el('td', { class: 'num' }, fmtMoney(c.cost)),
    el('td', { class: 'num' }, fmtNumber((c.latencyMicros || 0) / 1000, 1)))))));
}

async function openCall(id) {
  state.selectedCall = id;
  renderCalls();
  const box = document.getElementById('call-detail');
  box.replaceChildren(el('h2', {}, t('call.title')), el('div', { class: 'empty' }, t('loading')));
  try {
    const c = await api(`/v1/llmops/calls/${encodeURIComponent(id)}`).catch((e) => {
      const local = state.calls.find((x) => x.id === id);
      if (e.status === 404 && local) return local;
      throw e;
    });
    box.replaceChildren(el('h2', {}, `${t('call.title')}: ${c.task}`),
      el('div', { id: 'call-fields' }, kv(c, ['id', 'task', 'operation', 'provider', 'model', 'promptVersion', 'routeVersion',
        'outcome', 'inputTokens', 'outputTokens', 'cachedTokens', 'cost', 'latencyMicros', 'firstTokenMicros', 'client', 'traceId', 'runId',
        'node', 'createdAt'])),
      el('h3', {}, t('attempts')),
      el('table', {}, el('tr', {}, ['provider', 'model', 'status', 'millis', 'error'].map((k) => el('th', {}, t(k)))),
        (c.attempts || []).map((a) => el('tr', {}, el('td', {}, a.provider), el('td', {}, a.model || ''),
          el('td', {}, a.status), el('td', { class: 'num' }, a.millis), el('td', {}, a.error || '')))),
      el('h3', {}, t('input')), el('pre', { class: 'code', id: 'call-input' }, pretty(c.input)),
      el('h3', {}, t('output')), el('pre', { class: 'code', id: 'call-output' }, pretty(c.output ?? c.parsed)),
      el('div', {}, c.parsed && c.output ? [el('h3', {}, t('parsed')), el('pre', { class: 'code' }, pretty(c.parsed))] : null,
        c.error ? [el('h3', {}, t('error')), el('div', { class: 'notice error' }, c.error)] : null));
  } catch (e) { failed(e, box); }
}

// Runs ---------------------------------------------------------------------------------------------

async function loadRuns() {
  const box = document.getElementById('runs');
  box.replaceChildren(el('div', { class: 'empty' }, t('loading')));
  try {
    const runs = listOf(await api('/v1/llmops/runs', { query: { limit: 100 } }), 'runs');
    if (!runs.length) { box.replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
    box.replaceChildren(el('table', { id: 'runs-table' },
      el('tr', {}, ['time', 'workflow', 'status', 'duration'].map((k) => el('th', {}, t(k)))),
      runs.map((r) => el('tr', { class: 'clickable', onclick: () => openRun(r.id) },
        el('td', {}, fmtTime(r.startedAt)), el('td', {}, r.workflow), el('td', {}, r.status),
        el('td', { class: 'num' }, fmtNumber((r.durationMicros || 0) / 1000, 1))))));
  } catch (e) { failed(e, box); }
}

function nodeTree(nodes) {
  return el('ul', {}, (nodes || []).map((n) => el('li', {},
    el('details', {}, el('summary', {},
      `${n.name} `, el('span', { class: `badge ${n.kind === 'LLM' ? 'warn' : ''}` }, n.kind),
      ` ${fmtNumber((n.durationMicros || 0) / 1000, 1)} ms`, n.error ? el('span', { class: 'badge bad' }, 'error') : null),
    el('div', { class: 'small' }, t('input')), el('pre', { class: 'code' }, pretty(n.input)),
    el('div', { class: 'small' }, t('output')), el('pre', { class: 'code' }, pretty(n.output)),
    n.error ? el('div', { class: 'notice error' }, n.error) : null),
    n.children?.length ? nodeTree(n.children) : null)));
}

async function openRun(id) {
  const box = document.getElementById('run-detail');
  try {
    const r = await api(`/v1/llmops/runs/${encodeURIComponent(id)}`);
    box.replaceChildren(el('h2', {}, `${t('run.title')}: ${r.workflow}`),
      kv(r, ['id', 'workflow', 'status', 'startedAt', 'durationMicros', 'codeVersion', 'client', 'replayOf']),
      el('h3', {}, t('versions')), el('pre', { class: 'code' }, pretty(r.versions)),
      nodeTree(r.nodes));
  } catch (e) { failed(e, box); }
}

// Tasks --------------------------------------------------------------------------------------------

async function loadTasks() {
  const box = document.getElementById('tasks');
  try {
    const tasks = listOf(await api('/v1/llmops/tasks'), 'tasks');
    if (!tasks.length) { box.replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
    box.replaceChildren(el('table', { id: 'tasks-table' },
      el('tr', {}, ['task', 'active', 'promptVersions', 'routeVersions', 'local', 'lastChange'].map((k) => el('th', {}, t(k)))),
      tasks.map((x) => el('tr', { dataset: { task: x.task } }, el('td', {}, x.task),
        el('td', {}, [x.active?.promptVersion || x.defaultPromptVersion, x.active?.routeVersion || x.defaultRouteVersion]
          .filter(Boolean).join(' · ')),
        el('td', {}, (x.promptVersions || []).map((v) => el('span', { class: `badge ${v === (x.active?.promptVersion || x.defaultPromptVersion) ? 'ok' : ''}` }, v))),
        el('td', {}, (x.routeVersions || []).join(', ')),
        el('td', {}, t(x.hasLocalImplementation ? 'yes' : 'no')),
        el('td', { class: 'small' }, x.lastChange ? `${x.lastChange.action} · ${x.lastChange.actor || ''} · ${fmtTime(x.lastChange.at)}` : '')))));
  } catch (e) { failed(e, box); }
}

// Budgets (on the tasks tab) -------------------------------------------------------------------------

addMessages({
  en: {
    'budgets.title': 'Daily budgets (today)', budget: 'Budget', scope: 'Task or client', limit: 'Limit',
    spent: 'Spent', reserved: 'Reserved now', refused: 'Refused', rerouted: 'Rerouted', fallbackRoute: 'Cheaper route',
    calls: 'Calls',
  },
  zh: {
    'budgets.title': '每日预算（今天）', budget: '预算', scope: '任务或调用方', limit: '上限',
    spent: '已用', reserved: '预留中', refused: '已拒绝', rerouted: '已改道', fallbackRoute: '更便宜的路由',
    calls: '调用数',
  },
});

function budgetAmount(usd, tokens) {
  return [usd != null ? `$${fmtNumber(usd, 4)}` : null, tokens != null ? `${fmtNumber(tokens, 0)} tok` : null]
    .filter(Boolean).join(' · ');
}

async function loadBudgets() {
  const box = document.getElementById('budgets');
  try {
    const rows = listOf(await api('/v1/llmops/budgets'), 'budgets');
    if (!rows.length) { box.replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
    box.replaceChildren(el('table', { id: 'budgets-table' },
      el('tr', {}, ['budget', 'scope', 'limit', 'spent', 'reserved', 'calls', 'refused', 'rerouted', 'fallbackRoute']
        .map((k) => el('th', {}, t(k)))),
      rows.map((b) => el('tr', { dataset: { budget: b.limit.name } }, el('td', {}, b.limit.name),
        el('td', {}, b.limit.task ? `${t('task')} ${b.limit.task}` : `${t('client')} ${b.limit.client}`),
        el('td', {}, budgetAmount(b.limit.dailyUsd, b.limit.dailyTokens)),
        el('td', {}, el('span', { class: `badge ${b.usedShare >= 1 ? 'bad' : b.usedShare >= 0.8 ? 'warn' : 'ok'}` },
          budgetAmount(b.limit.dailyUsd != null ? b.spentUsd : null, b.limit.dailyTokens != null ? b.spentTokens : null))),
        el('td', {}, budgetAmount(b.limit.dailyUsd != null ? b.reservedUsd : null, b.limit.dailyTokens != null ? b.reservedTokens : null)),
        el('td', {}, fmtNumber(b.calls, 0)), el('td', {}, fmtNumber(b.refused, 0)), el('td', {}, fmtNumber(b.rerouted, 0)),
        el('td', {}, b.limit.fallbackRoute || '')))));
  } catch (e) { failed(e, box); }
}

async function loadAnnotations() {
  const box = document.getElementById('annotations');
  try {
    const rows = listOf(await api('/v1/llmops/annotations', { query: { limit: 200 } }), 'annotations');
    if (!rows.length) { box.replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
    box.replaceChildren(el('table', { id: 'annotations-table' },
      el('tr', {}, ['time', 'task', 'correct', 'output', 'correctedOutput', 'comment', 'author'].map((k) => el('th', {}, t(k)))),
      rows.map((a) => el('tr', {}, el('td', {}, fmtTime(a.createdAt)), el('td', {}, a.task),
        el('td', {}, a.correct == null ? '' : el('span', { class: `badge ${a.correct ? 'ok' : 'bad'}` }, t(a.correct ? 'yes' : 'no'))),
        el('td', {}, el('pre', { class: 'code' }, pretty(a.output))),
        el('td', {}, el('pre', { class: 'code' }, pretty(a.correctedOutput))),
        el('td', {}, a.comment || ''), el('td', {}, a.author || '')))));
  } catch (e) { failed(e, box); }
}

// Experiments --------------------------------------------------------------------------------------

let pollTimer;

function fractionDone(x) { return x.total ? x.done / x.total : (/done|finished|completed/i.test(x.status || '') ? 1 : 0); }

function ci(s) {
  if (!s || s.meanScore == null) return '';
  const mean = fmtNumber(s.meanScore, 3);
  return s.ci95Low == null ? mean : `${mean} [${fmtNumber(s.ci95Low, 3)}, ${fmtNumber(s.ci95High, 3)}]`;
}

/** One row per experiment configuration, so any two configurations can be compared. */
async function loadExperiments() {
  const box = document.getElementById('experiments');
  clearTimeout(pollTimer);
  try {
    state.experiments = listOf(await api('/v1/llmops/experiments', { query: { limit: 100 } }), 'experiments');
    if (!state.experiments.length) { box.replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
    const rows = state.experiments.flatMap((x) => {
      const configs = (x.summary && x.summary.length ? x.summary.map((s) => s.configuration)
        : (x.configurations || []).map((c) => c.name));
      return (configs.length ? configs : ['']).map((conf) => ({ x, conf, s: (x.summary || []).find((s) => s.configuration === conf) }));
    });
    box.replaceChildren(el('table', { id: 'experiments-table' },
      el('tr', {}, el('th', {}, ''), ['time', 'task', 'set', 'config', 'status', 'progress', 'score', 'tokens', 'cost', 'latency']
        .map((k) => el('th', {}, t(k)))),
      rows.map(({ x, conf, s }) => {
        const key = conf ? `${x.id}:${conf}` : x.id;
        return el('tr', { dataset: { experiment: x.id, configuration: conf } },
          el('td', {}, el('input', { type: 'checkbox', checked: state.picked.has(key), onchange: (e) => pick(key, e.target.checked) })),
          el('td', {}, fmtTime(x.createdAt)), el('td', {}, x.task), el('td', {}, `${x.set} v${x.setVersion}`),
          el('td', {}, conf), el('td', {}, x.status, x.error ? el('div', { class: 'small' }, x.error) : null),
          el('td', {}, progressBar(fractionDone(x), `${x.done}/${x.total}`)),
          el('td', { class: 'num' }, ci(s)),
          el('td', { class: 'num' }, s ? fmtNumber((s.inputTokens || 0) + (s.outputTokens || 0)) : ''),
          el('td', { class: 'num' }, s ? fmtMoney(s.cost) : ''),
          el('td', { class: 'num' }, s && s.latencyP50Ms != null ? `${fmtNumber(s.latencyP50Ms, 1)} / ${fmtNumber(s.latencyP95Ms, 1)}` : ''));
      })));
    if (state.experiments.some((x) => x.done < x.total && !/fail|error/i.test(x.status || '')) && state.tab === 'experiments') {
      pollTimer = setTimeout(loadExperiments, 1500);
    }
  } catch (e) { failed(e, box); }
}

function pick(key, on) {
  if (on) state.picked.add(key); else state.picked.delete(key);
  document.getElementById('compare').disabled = state.picked.size !== 2;
}

/** Two configurations side by side: summaries first, then every item with both outputs and scores. */
async function compare() {
  const box = document.getElementById('comparison');
  const [a, b] = [...state.picked];
  try {
    const c = await api('/v1/llmops/experiments/compare', { query: { a, b } });
    const side = (s) => el('div', {}, el('h3', {}, `${s.configuration} (${s.experimentId})`),
      kv({ set: `${s.set} v${s.setVersion}`, score: ci(s.summary), items: s.summary?.items, errors: s.summary?.errors,
        tokens: s.summary ? (s.summary.inputTokens || 0) + (s.summary.outputTokens || 0) : '', cost: s.summary?.cost }));
    box.replaceChildren(el('div', { class: 'card' }, el('h2', {}, t('compare')),
      el('div', { class: 'cols-2' }, side(c.a), side(c.b)),
      el('p', { id: 'comparison-summary' }, `Δ ${fmtNumber(c.meanDelta, 3)} · ▲ ${c.better} · ▼ ${c.worse} · = ${c.same}`),
      el('div', { class: 'table-wrap' }, el('table', { id: 'comparison-table' },
        el('tr', {}, ['item', 'expected'].map((k) => el('th', {}, t(k))), el('th', {}, `${t('output')} A`), el('th', { class: 'num' }, `${t('score')} A`),
          el('th', {}, `${t('output')} B`), el('th', { class: 'num' }, `${t('score')} B`), el('th', {}, '')),
        (c.items || []).map((i) => el('tr', { class: i.sameOutput ? '' : 'low-confidence', dataset: { item: i.itemId } },
          el('td', {}, i.itemId), el('td', {}, el('pre', { class: 'code' }, pretty(i.expected))),
          el('td', {}, el('pre', { class: 'code' }, i.aError || pretty(i.aOutput))), el('td', { class: 'num' }, fmtNumber(i.aScore, 3)),
          el('td', {}, el('pre', { class: 'code' }, i.bError || pretty(i.bOutput))), el('td', { class: 'num' }, fmtNumber(i.bScore, 3)),
          el('td', {}, el('span', { class: `badge ${i.sameOutput ? 'ok' : 'warn'}` }, t(i.sameOutput ? 'same' : 'differs')))))))));
  } catch (e) { showError(e, box); }
}
