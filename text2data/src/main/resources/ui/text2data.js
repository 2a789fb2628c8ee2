// Analysts' page: ask in English or Chinese, see the answer as a table and a chart, check the SQL
// and semantic query, mark the answer right or wrong and save a corrected query.
import {
  addMessages, api, apiKey, applyI18n, el, fmtNumber, lang, listOf, mountShell, onLangChange, pretty,
  showError, signedIn, t, toast,
} from '/ui/common/suite.js';

addMessages({
  en: {
    'app.title': 'Ask the data', 'nav.ask': 'Ask', 'ask.title': 'Ask a question',
    'ask.placeholder': 'e.g. How many claims were filed last month by province? / 上个月每个省份的理赔申请数量是多少？',
    'ask.asOf': 'As of', 'ask.followUp': 'Follow-up of the last answer', 'ask.button': 'Ask',
    'answer.showSql': 'Show SQL and semantic query', 'answer.hideSql': 'Hide SQL and semantic query',
    'answer.wasItRight': 'Was this right?', 'answer.right': 'Right', 'answer.wrong': 'Wrong',
    'answer.sql': 'SQL', 'answer.semanticQuery': 'Semantic query', 'answer.noRows': 'No rows.',
    'status.answered': 'answered', 'status.clarify': 'needs clarification', 'status.refused': 'refused',
    'answer.reading': 'Read as:', 'answer.unplaced': 'Could not place:',
    'answer.nearest': 'Things you can ask about instead:', 'correct.title': 'Correct the semantic query',
    'correct.hint': 'Edit the query, run it to check the numbers, then save it; the same question will get this answer next time.',
    'correct.comment': 'Comment (optional)', 'correct.run': 'Run corrected query', 'correct.save': 'Save correction',
    'correct.saved': 'Correction saved.', 'correct.badJson': 'The corrected query is not valid JSON.',
    'feedback.thanks': 'Thanks, recorded as right.', 'history.title': 'Recent questions', 'history.new': 'New conversation',
    'history.empty': 'No questions yet.', 'model.title': 'What can be asked', 'model.filter': 'Filter…',
    'model.metrics': 'Metrics', 'model.dimensions': 'Dimensions', 'model.events': 'Events', 'model.other': 'More',
    'conversation.new': 'Started a new conversation.',
  },
  zh: {
    'app.title': '数据问答', 'nav.ask': '提问', 'ask.title': '提出问题',
    'ask.placeholder': '例如：上个月每个省份的理赔申请数量是多少？', 'ask.asOf': '基准日期',
    'ask.followUp': '接着上一个问题追问', 'ask.button': '提问',
    'answer.showSql': '显示 SQL 和语义查询', 'answer.hideSql': '隐藏 SQL 和语义查询',
    'answer.wasItRight': '答案正确吗？', 'answer.right': '正确', 'answer.wrong': '错误',
    'answer.sql': 'SQL', 'answer.semanticQuery': '语义查询', 'answer.noRows': '没有数据。',
    'status.answered': '已回答', 'status.clarify': '需要澄清', 'status.refused': '无法回答',
    'answer.reading': '理解为：', 'answer.unplaced': '无法对应的词：',
    'answer.nearest': '您可以改问这些：', 'correct.title': '更正语义查询',
    'correct.hint': '修改查询，运行核对数字后保存；下次同样的问题将直接使用此答案。',
    'correct.comment': '备注（可选）', 'correct.run': '运行更正后的查询', 'correct.save': '保存更正',
    'correct.saved': '更正已保存。', 'correct.badJson': '更正后的查询不是有效的 JSON。',
    'feedback.thanks': '谢谢，已记录为正确。', 'history.title': '最近的问题', 'history.new': '新会话',
    'history.empty': '还没有提问。', 'model.title': '可以问什么', 'model.filter': '筛选…',
    'model.metrics': '指标', 'model.dimensions': '维度', 'model.events': '事件', 'model.other': '更多',
    'conversation.new': '已开始新会话。',
  },
});

const HISTORY_STORE = 'text2data.history';
const state = { answer: null, asked: null, conversationId: null, chart: null, model: null };

mountShell({ titleKey: 'app.title', nav: [{ href: '/ui/', key: 'nav.ask' }] });
onLangChange(() => { renderHistory(); renderModel(); if (state.answer) renderAnswer(); });

const $ = (id) => document.getElementById(id);
$('as-of').value = new Date().toISOString().slice(0, 10);
$('ask-form').addEventListener('submit', (e) => { e.preventDefault(); ask($('question').value.trim()); });
$('question').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); $('ask-form').requestSubmit(); }
});
$('toggle-sql').addEventListener('click', () => {
  $('sql-box').hidden = !$('sql-box').hidden;
  $('toggle-sql').textContent = t($('sql-box').hidden ? 'answer.showSql' : 'answer.hideSql');
});
$('mark-right').addEventListener('click', () => sendFeedback(true));
$('mark-wrong').addEventListener('click', () => openCorrection());
$('run-corrected').addEventListener('click', () => runCorrected());
$('save-correction').addEventListener('click', () => sendFeedback(false));
$('new-conversation').addEventListener('click', () => {
  state.conversationId = null; $('follow-up').checked = false; toast(t('conversation.new'));
});
$('follow-up').addEventListener('change', () => { if (!$('follow-up').checked) state.conversationId = null; });
$('model-filter').addEventListener('input', () => renderModel());

signedIn().then(() => { renderHistory(); loadModel(); });

// Asking -------------------------------------------------------------------------------------------

async function ask(question) {
  if (!question || !apiKey()) return;
  $('question').value = question;
  if (!$('follow-up').checked || !state.conversationId) state.conversationId = crypto.randomUUID();
  const body = { question, asOf: $('as-of').value || undefined, conversationId: state.conversationId };
  $('ask').disabled = true;
  try {
    const answer = await api('/v1/ask', { method: 'POST', body });
    state.answer = answer;
    state.asked = body;
    $('follow-up').checked = answer.status === 'answered';
    remember(question, body.asOf, answer.status);
    renderAnswer();
  } catch (e) {
    showError(e);
  } finally {
    $('ask').disabled = false;
  }
}

function remember(question, asOf, status) {
  const list = history().filter((h) => h.question !== question);
  list.unshift({ question, asOf, status, at: new Date().toISOString() });
  localStorage.setItem(HISTORY_STORE, JSON.stringify(list.slice(0, 30)));
  renderHistory();
}

function history() {
  try { return JSON.parse(localStorage.getItem(HISTORY_STORE) || '[]'); } catch { return []; }
}

function renderHistory() {
  const items = history();
  $('history').replaceChildren(...(items.length ? items.map((h) => el('li', {
    title: h.asOf || '', onclick: () => { if (h.asOf) $('as-of').value = h.asOf; ask(h.question); },
  }, h.question, ' ', el('span', { class: 'badge' }, t(`status.${h.status}`)))) : [el('li', { class: 'muted' }, t('history.empty'))]));
}

// The answer ---------------------------------------------------------------------------------------

function statusClass(s) { return s === 'answered' ? 'ok' : s === 'clarify' ? 'warn' : 'bad'; }

function renderAnswer() {
  const a = state.answer;
  $('answer').hidden = false;
  $('answer-question').textContent = state.asked?.question || '';
  $('answer-status').className = `badge ${statusClass(a.status)}`;
  $('answer-status').textContent = t(`status.${a.status}`);
  const unplaced = listOf(a.unplaced || []);
  const readingText = a.status === 'answered' && a.reading ? `${t('answer.reading')} ${a.reading}`
    : unplaced.length ? `${t('answer.unplaced')} ${unplaced.join(', ')}` : '';
  $('reading').hidden = !readingText;
  $('reading').textContent = readingText;
  $('explanation').textContent = a.explanation || a.reason || '';
  const nearest = listOf(a.suggestions || a.nearest || a.alternatives || []);
  $('suggestions').replaceChildren(...(nearest.length ? [el('span', { class: 'muted small' }, t('answer.nearest')),
    ...nearest.map((s) => {
      const label = typeof s === 'string' ? s : (s.label || s.name || s.question || JSON.stringify(s));
      return el('button', { type: 'button', class: 'chip', onclick: () => ask(typeof s === 'object' && s.question ? s.question : label) }, label);
    })] : []));
  $('sql').textContent = a.sql || '';
  $('semantic-query').textContent = pretty(a.semanticQuery);
  $('correction').hidden = true;
  const hasRows = a.status === 'answered' && Array.isArray(a.columns);
  $('result').hidden = !hasRows;
  if (hasRows) { renderTable(a); renderChart(a); }
}

function columnName(c) { return typeof c === 'string' ? c : (c.label || c.name); }

function renderTable(a) {
  const cols = a.columns.map(columnName);
  const rows = a.rows || [];
  $('result-table').replaceChildren(
    el('thead', {}, el('tr', {}, cols.map((c, i) => el('th', { class: isNumericColumn(rows, i) ? 'num' : '' }, c)))),
    el('tbody', {}, rows.length ? rows.map((r) => el('tr', {}, r.map((v, i) => el('td',
      { class: isNumericColumn(rows, i) ? 'num' : '', dataset: { raw: v === null ? '' : String(v) } },
      v === null ? '—' : (typeof v === 'number' ? fmtNumber(v) : String(v))))))
      : el('tr', {}, el('td', { colspan: cols.length, class: 'muted' }, t('answer.noRows')))));
}

function isNumericColumn(rows, i) {
  return rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'
    || (typeof r[i] === 'string' && r[i] !== '' && !Number.isNaN(Number(r[i])) && !/^\d{4}-\d{2}/.test(r[i])));
}

/** The chart the service suggested; falls back to a bar chart of the first numeric column. */
function renderChart(a) {
  if (state.chart) { state.chart.destroy(); state.chart = null; }
  const box = $('chart').parentElement;
  const cols = a.columns.map(columnName);
  const rows = a.rows || [];
  const spec = a.chart || {};
  const type = String(spec.type || '').toLowerCase();
  const numeric = cols.map((_, i) => isNumericColumn(rows, i));
  const xName = spec.x || spec.xAxis || spec.category || cols.find((_, i) => !numeric[i]);
  let yNames = spec.y || spec.yAxis || spec.series || spec.values;
  if (typeof yNames === 'string') yNames = [yNames];
  if (!Array.isArray(yNames) || !yNames.length) yNames = cols.filter((c, i) => numeric[i] && c !== xName);
  const xi = cols.indexOf(xName);
  const yis = yNames.map((y) => cols.indexOf(typeof y === 'string' ? y : y.name)).filter((i) => i >= 0);
  const drawable = typeof window.Chart === 'function' && rows.length > 0 && yis.length > 0
    && !['table', 'none', 'number', 'kpi', 'single_value'].includes(type);
  box.hidden = !drawable;
  if (!drawable) return;
  const kind = ['line', 'bar', 'pie', 'doughnut'].includes(type) ? type : (xi >= 0 && /date|month|week|day|year|time/i.test(cols[xi]) ? 'line' : 'bar');
  const palette = ['#1f6feb', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#1098ad', '#d6336c', '#5c940d'];
  const si = spec.series ? cols.indexOf(spec.series) : -1;
  const labels = [...new Set(rows.map((r, k) => (xi >= 0 ? String(r[xi]) : String(k + 1))))];
  const color = (k) => ({ backgroundColor: kind === 'pie' || kind === 'doughnut' ? palette : palette[k % palette.length],
    borderColor: palette[k % palette.length], spanGaps: false });
  // With a series column, one dataset per series value (a pivot); else one per metric column.
  const datasets = si >= 0
    ? [...new Set(rows.map((r) => String(r[si])))].map((sv, k) => ({ label: sv, ...color(k),
      data: labels.map((l) => { const r = rows.find((x) => String(x[xi]) === l && String(x[si]) === sv); return r ? Number(r[yis[0]]) : null; }) }))
    : yis.map((yi, k) => ({ label: cols[yi], ...color(k), data: rows.map((r) => (r[yi] === null ? null : Number(r[yi]))) }));
  state.chart = new window.Chart($('chart'), {
    type: kind,
    data: { labels, datasets },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: datasets.length > 1 || kind === 'pie' } } },
  });
  $('chart').dataset.points = String(rows.length);
}

// Feedback and corrections -------------------------------------------------------------------------

function openCorrection() {
  $('correction').hidden = false;
  $('corrected-query').value = pretty(state.answer?.semanticQuery || {});
  $('corrected-query').focus();
}

function correctedQuery() {
  try { return JSON.parse($('corrected-query').value); } catch { throw new Error(t('correct.badJson')); }
}

async function runCorrected() {
  try {
    const semanticQuery = correctedQuery();
    const result = await api('/v1/query', { method: 'POST', body: { query: semanticQuery, asOf: state.asked?.asOf } });
    state.answer = { ...state.answer, ...result, status: result.status || 'answered', semanticQuery: result.semanticQuery || semanticQuery };
    const editor = $('corrected-query').value;
    renderAnswer();
    $('correction').hidden = false;
    $('corrected-query').value = editor;
  } catch (e) { showError(e); }
}

async function sendFeedback(correct) {
  if (!state.answer || !state.asked) return;
  try {
    const body = { correct, comment: $('correction-comment').value || undefined };
    if (!correct) body.correctedQuery = correctedQuery();
    await api(`/v1/answers/${encodeURIComponent(state.answer.id)}/feedback`, { method: 'POST', body });
    toast(t(correct ? 'feedback.thanks' : 'correct.saved'));
  } catch (e) { showError(e); }
}

// What can be asked --------------------------------------------------------------------------------

async function loadModel() {
  try { state.model = await api('/v1/semantic-model'); renderModel(); } catch (e) { showError(e, $('semantic-model')); }
}

function describe(item) {
  if (typeof item === 'string') return { name: item, text: item };
  const name = item.name || item.id || '';
  const label = (lang() === 'zh' ? item.labelZh : item.labelEn) || name;
  const syn = listOf(item.synonyms || []).filter((s) => (lang() === 'zh' ? /[\u4e00-\u9fff]/.test(s) : !/[\u4e00-\u9fff]/.test(s)));
  const values = item.values && typeof item.values === 'object' ? Object.keys(item.values).slice(0, 8) : [];
  return { name, text: [label !== name ? `${label} (${name})` : name, values.length ? `= ${values.join(' | ')}` : ''].filter(Boolean).join(' '),
    syn: syn.slice(0, 4) };
}

function entriesOf(v) {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return Object.entries(v).map(([name, x]) => (typeof x === 'object' ? { name, ...x } : { name, description: String(x) }));
  return [];
}

function renderModel() {
  const m = state.model;
  if (!m) return;
  const filter = $('model-filter').value.trim().toLowerCase();
  const sections = [['metrics', 'model.metrics'], ['dimensions', 'model.dimensions'], ['events', 'model.events']];
  const out = [];
  for (const [key, label] of sections) {
    const items = entriesOf(m[key]).map(describe)
      .filter((d) => !filter || JSON.stringify(d).toLowerCase().includes(filter));
    if (!items.length) continue;
    out.push(el('h3', {}, `${t(label)} (${items.length})`), el('ul', { class: `model-${key}` }, items.map((d) =>
      el('li', { title: d.name }, d.text, d.syn?.length ? el('span', { class: 'muted' }, ` · ${d.syn.join(', ')}`) : null))));
  }
  if (Array.isArray(m.examples) && m.examples.length) {
    out.push(el('h3', {}, t('model.other')), el('div', { class: 'row' }, m.examples.map((q) =>
      el('button', { type: 'button', class: 'chip', onclick: () => ask(typeof q === 'string' ? q : q.question) }, typeof q === 'string' ? q : q.question))));
  }
  $('semantic-model').replaceChildren(...out);
  applyI18n($('semantic-model'));
}
