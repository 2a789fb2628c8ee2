// Phone agent page: recent calls with status, fields and transcript; outbound campaigns with progress.
import {
  addMessages, api, apiKey, el, fmtTime, kv, listOf, mountShell, onLangChange, progressBar, showError, signedIn, t, toast,
} from '/ui/common/suite.js';

addMessages({
  en: {
    'app.title': 'Phone agent', 'nav.calls': 'Calls', 'tab.calls': 'Recent calls', 'tab.campaigns': 'Campaigns',
    'calls.title': 'Recent calls', 'call.title': 'Call', 'call.pick': 'Pick a call to see its fields and transcript.',
    script: 'Script', status: 'Status', any: 'any', from: 'From', to: 'To', started: 'Started', language: 'Language',
    fields: 'Fields', transcript: 'Transcript', summary: 'Summary', callSid: 'Call SID', direction: 'Direction',
    claimId: 'Claim filed', agent: 'Agent', caller: 'Caller', 'campaigns.title': 'Campaigns', 'campaign.new': 'New campaign',
    'campaign.name': 'Name', 'campaign.numbers': 'Numbers, one a line (E.164)', 'campaign.timeZone': 'Callee time zone',
    'campaign.start': 'Start campaign', 'campaign.started': 'Campaign started.', progress: 'Progress', name: 'Name',
    created: 'Created', counts: 'Calls', outcome: 'Outcome', duration: 'Duration (s)', campaign: 'Campaign',
    'call.open': 'Open call', 'call.sidPlaceholder': 'Call SID (CA…)', 'calls.local': 'Calls opened in this browser:',
    'campaigns.local': 'Campaigns started from this browser:', answeredBy: 'Answered by',
  },
  zh: {
    'app.title': '电话助手', 'nav.calls': '通话', 'tab.calls': '最近通话', 'tab.campaigns': '外呼任务',
    'calls.title': '最近通话', 'call.title': '通话', 'call.pick': '选择一通电话查看字段和通话记录。',
    script: '话术', status: '状态', any: '全部', from: '主叫', to: '被叫', started: '开始时间', language: '语言',
    fields: '字段', transcript: '通话记录', summary: '摘要', callSid: '通话编号', direction: '方向',
    claimId: '已提交理赔', agent: '助手', caller: '来电者', 'campaigns.title': '外呼任务', 'campaign.new': '新建外呼任务',
    'campaign.name': '名称', 'campaign.numbers': '电话号码，每行一个（E.164）', 'campaign.timeZone': '被叫时区',
    'campaign.start': '开始外呼', 'campaign.started': '外呼任务已开始。', progress: '进度', name: '名称',
    created: '创建时间', counts: '通话数', outcome: '结果', duration: '时长（秒）', campaign: '外呼任务',
    'call.open': '打开通话', 'call.sidPlaceholder': '通话编号（CA…）', 'calls.local': '在此浏览器中打开过的通话：',
    'campaigns.local': '从此浏览器发起的外呼任务：', answeredBy: '接听方',
  },
});

const state = { calls: [], selected: null, tab: 'calls' };
const $ = (x) => document.getElementById(x);
let pollTimer;

mountShell({ titleKey: 'app.title', nav: [{ href: '/ui/', key: 'nav.calls' }] });
onLangChange(() => show());
document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => { location.hash = b.dataset.tab; }));
window.addEventListener('hashchange', () => show());
$('refresh-calls').addEventListener('click', () => loadCalls());
$('refresh-campaigns').addEventListener('click', () => loadCampaigns());
$('script-filter').addEventListener('change', () => renderCalls());
$('status-filter').addEventListener('change', () => renderCalls());
$('campaign-form').addEventListener('submit', (e) => { e.preventDefault(); startCampaign(); });
$('lookup').addEventListener('submit', (e) => { e.preventDefault(); const sid = $('call-sid').value.trim(); if (sid) openCall(sid); });

const SEEN_CALLS = 'phone.seenCalls';
const MY_CAMPAIGNS = 'phone.campaigns';
function stored(key) { try { return JSON.parse(localStorage.getItem(key) || '[]'); } catch { return []; } }
function remember(key, id) { localStorage.setItem(key, JSON.stringify([id, ...stored(key).filter((x) => x !== id)].slice(0, 50))); }

/** A list endpoint's rows; where the service has none (404), the items this browser knows by id. */
async function listOrKnown(path, key, one) {
  try {
    return { rows: listOf(await api(path, { query: { limit: 100 } })), local: false };
  } catch (e) {
    if (e.status !== 404 && e.status !== 405) throw e;
    const rows = (await Promise.all(stored(key).map((x) => api(one(x)).catch(() => null)))).filter(Boolean);
    return { rows, local: true };
  }
}
signedIn().then(() => show());

function show() {
  if (!apiKey()) return;
  state.tab = (location.hash || '#calls').slice(1);
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === state.tab));
  document.querySelectorAll('section.tab').forEach((s) => { s.hidden = s.id !== `tab-${state.tab}`; });
  if (state.tab === 'campaigns') loadCampaigns(); else loadCalls();
}

function statusBadge(s) {
  const cls = /complet|done|finished|answered/i.test(s || '') ? 'ok' : /fail|busy|no-answer|cancel|error/i.test(s || '') ? 'bad' : 'warn';
  return el('span', { class: `badge ${cls}` }, s || '');
}

// Calls --------------------------------------------------------------------------------------------

async function loadCalls() {
  try {
    const { rows, local } = await listOrKnown('/v1/calls', SEEN_CALLS, (sid) => `/v1/calls/${encodeURIComponent(sid)}`);
    state.calls = rows;
    state.callsLocal = local;
    for (const [id, key] of [['script-filter', 'script'], ['status-filter', 'status']]) {
      const select = $(id);
      const current = select.value;
      const values = [...new Set(state.calls.map((c) => c[key]).filter(Boolean))].sort();
      select.replaceChildren(select.options[0], ...values.map((v) => el('option', { value: v }, v)));
      select.value = values.includes(current) ? current : '';
    }
    renderCalls();
  } catch (e) { showError(e, $('calls')); }
}

function sidOf(c) { return c.callSid || c.sid || c.id; }

function renderCalls() {
  const script = $('script-filter').value;
  const status = $('status-filter').value;
  const rows = state.calls.filter((c) => (!script || c.script === script) && (!status || c.status === status));
  if (!rows.length) { $('calls').replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
  $('calls').replaceChildren(state.callsLocal ? el('p', { class: 'small muted' }, t('calls.local')) : '', el('table', { id: 'calls-table' },
    el('tr', {}, ['started', 'script', 'status', 'from', 'to', 'fields'].map((k) => el('th', {}, t(k)))),
    rows.map((c) => el('tr', { class: `clickable ${state.selected === sidOf(c) ? 'selected' : ''}`, dataset: { callSid: sidOf(c) },
      onclick: () => openCall(sidOf(c)) },
    el('td', {}, fmtTime(c.createdAt)), el('td', {}, c.script), el('td', {}, statusBadge(c.status)),
    el('td', {}, c.from || ''), el('td', {}, c.to || ''),
    el('td', {}, c.fields ? `${Object.values(c.fields).filter((v) => v !== null && v !== '').length}` : '')))));
}

async function openCall(sid) {
  state.selected = sid;
  renderCalls();
  const box = $('call-detail');
  try {
    const c = await api(`/v1/calls/${encodeURIComponent(sid)}`);
    remember(SEEN_CALLS, sid);
    if (!state.calls.some((x) => sidOf(x) === sid)) { state.calls.unshift(c); renderCalls(); }
    box.replaceChildren(el('h2', {}, `${t('call.title')} ${sid}`),
      kv({ script: c.script, status: c.status, outcome: c.outcome, language: c.lang, direction: c.direction, from: c.from, to: c.to,
        created: fmtTime(c.createdAt), duration: c.durationSeconds, answeredBy: c.answeredBy, campaign: c.campaignId,
        claimId: c.claimFiling ? [c.claimFiling.claimId, c.claimFiling.status, c.claimFiling.lastError].filter(Boolean).join(' · ') : undefined }),
      el('h3', {}, t('fields')),
      el('table', { id: 'call-fields' }, Object.entries(c.fields || {}).map(([k, v]) =>
        el('tr', {}, el('th', {}, k), el('td', { dataset: { field: k, raw: JSON.stringify(v ?? null) } },
          v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v))))),
      el('h3', {}, t('summary')), el('p', { id: 'call-summary' }, c.summary || ''),
      el('h3', {}, t('transcript')),
      el('ol', { class: 'transcript', id: 'transcript' }, (c.transcript || []).map((turn) => {
        const who = /caller|user|human/i.test(turn.speaker || '') ? 'caller' : 'agent';
        return el('li', { class: who, dataset: { speaker: who } },
          el('div', { class: 'meta' }, [t(who), fmtTime(turn.at), turn.slot].filter(Boolean).join(' · ')), turn.text || turn.input || '');
      })));
  } catch (e) { showError(e, box); }
}

// Campaigns ----------------------------------------------------------------------------------------

/** Finished targets over all: the progress counts are per target status plus the total. */
function progressOf(c) {
  const p = c.progress || {};
  const total = p.total ?? (c.targets || []).length;
  const open = (p.pending || 0) + (p.calling || 0);
  return { total, done: total - open, fraction: total ? (total - open) / total : 1 };
}

async function loadCampaigns() {
  clearTimeout(pollTimer);
  try {
    const { rows: list, local } = await listOrKnown('/v1/campaigns', MY_CAMPAIGNS, (x) => `/v1/campaigns/${encodeURIComponent(x)}`);
    if (!list.length) { $('campaigns').replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
    $('campaigns').replaceChildren(local ? el('p', { class: 'small muted' }, t('campaigns.local')) : '', el('table', { id: 'campaigns-table' },
      el('tr', {}, ['created', 'campaign', 'script', 'language', 'progress', 'counts'].map((k) => el('th', {}, t(k)))),
      list.map((c) => {
        const p = progressOf(c);
        return el('tr', { dataset: { campaign: c.id } }, el('td', {}, fmtTime(c.createdAt)), el('td', { class: 'small' }, c.id),
          el('td', {}, c.script), el('td', {}, c.lang || ''),
          el('td', {}, progressBar(p.fraction, `${p.done}/${p.total}`)),
          el('td', { class: 'small' }, Object.entries(c.progress || {}).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v}`).join(' · ')));
      })));
    if (list.some((c) => progressOf(c).fraction < 1) && state.tab === 'campaigns') {
      pollTimer = setTimeout(loadCampaigns, 3000);
    }
  } catch (e) { showError(e, $('campaigns')); }
}

async function startCampaign() {
  const timeZone = $('campaign-tz').value.trim() || 'Asia/Shanghai';
  const numbers = $('campaign-numbers').value.split(/[\s,;]+/).map((n) => n.trim()).filter(Boolean).map((number) => ({ number, timeZone }));
  try {
    const created = await api('/v1/campaigns', { method: 'POST', body: {
      script: $('campaign-script').value, lang: $('campaign-lang').value, numbers,
    } });
    remember(MY_CAMPAIGNS, created.id);
    toast(t('campaign.started'));
    $('campaign-form').reset();
    loadCampaigns();
  } catch (e) { showError(e); }
}
