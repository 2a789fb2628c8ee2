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
    created: 'Created', counts: 'Calls', transferred: 'Transferred to a person',
  },
  zh: {
    'app.title': '电话助手', 'nav.calls': '通话', 'tab.calls': '最近通话', 'tab.campaigns': '外呼任务',
    'calls.title': '最近通话', 'call.title': '通话', 'call.pick': '选择一通电话查看字段和通话记录。',
    script: '话术', status: '状态', any: '全部', from: '主叫', to: '被叫', started: '开始时间', language: '语言',
    fields: '字段', transcript: '通话记录', summary: '摘要', callSid: '通话编号', direction: '方向',
    claimId: '已提交理赔', agent: '助手', caller: '来电者', 'campaigns.title': '外呼任务', 'campaign.new': '新建外呼任务',
    'campaign.name': '名称', 'campaign.numbers': '电话号码，每行一个（E.164）', 'campaign.timeZone': '被叫时区',
    'campaign.start': '开始外呼', 'campaign.started': '外呼任务已开始。', progress: '进度', name: '名称',
    created: '创建时间', counts: '通话数', transferred: '已转人工',
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
    state.calls = listOf(await api('/v1/calls', { query: { limit: 100 } }), 'calls');
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
  $('calls').replaceChildren(el('table', { id: 'calls-table' },
    el('tr', {}, ['started', 'script', 'status', 'from', 'to', 'fields'].map((k) => el('th', {}, t(k)))),
    rows.map((c) => el('tr', { class: `clickable ${state.selected === sidOf(c) ? 'selected' : ''}`, dataset: { callSid: sidOf(c) },
      onclick: () => openCall(sidOf(c)) },
    el('td', {}, fmtTime(c.startedAt || c.createdAt)), el('td', {}, c.script), el('td', {}, statusBadge(c.status)),
    el('td', {}, c.from || ''), el('td', {}, c.to || ''),
    el('td', {}, c.fields ? `${Object.values(c.fields).filter((v) => v !== null && v !== '').length}` : '')))));
}

async function openCall(sid) {
  state.selected = sid;
  renderCalls();
  const box = $('call-detail');
  try {
    const c = await api(`/v1/calls/${encodeURIComponent(sid)}`);
    const turns = listOf(c.transcript || [], 'turns');
    box.replaceChildren(el('h2', {}, `${t('call.title')} ${sid}`),
      kv({ callSid: sid, script: c.script, status: c.status, language: c.language, from: c.from, to: c.to,
        started: fmtTime(c.startedAt || c.createdAt), claimId: c.claimId, transferred: c.transferred }),
      el('h3', {}, t('fields')),
      el('table', { id: 'call-fields' }, Object.entries(c.fields || {}).map(([k, v]) =>
        el('tr', {}, el('th', {}, k), el('td', { dataset: { field: k } }, v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v))))),
      c.summary ? el('div', {}, el('h3', {}, t('summary')), el('p', { id: 'call-summary' }, typeof c.summary === 'string' ? c.summary : JSON.stringify(c.summary))) : el('div'),
      el('h3', {}, t('transcript')),
      el('ol', { class: 'transcript', id: 'transcript' }, turns.map((turn) => {
        const who = /caller|user|human/i.test(turn.speaker || turn.role || turn.from || '') ? 'caller' : 'agent';
        return el('li', { class: who }, el('div', { class: 'meta' }, `${t(who)} · ${fmtTime(turn.at || turn.timestamp || turn.time)}`),
          turn.text || turn.say || turn.speech || '');
      })));
  } catch (e) { showError(e, box); }
}

// Campaigns ----------------------------------------------------------------------------------------

function progressOf(c) {
  const p = c.progress || c.counts || c;
  const total = p.total ?? c.total ?? (c.numbers ? c.numbers.length : 0);
  const done = p.done ?? p.finished ?? p.completed ?? 0;
  return { total, done, fraction: total ? done / total : 0 };
}

async function loadCampaigns() {
  clearTimeout(pollTimer);
  try {
    const list = listOf(await api('/v1/campaigns', { query: { limit: 50 } }), 'campaigns');
    if (!list.length) { $('campaigns').replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
    $('campaigns').replaceChildren(el('table', { id: 'campaigns-table' },
      el('tr', {}, ['created', 'name', 'script', 'status', 'progress', 'counts'].map((k) => el('th', {}, t(k)))),
      list.map((c) => {
        const p = progressOf(c);
        const counts = c.counts || c.byStatus || c.progress;
        return el('tr', { dataset: { campaign: c.id } }, el('td', {}, fmtTime(c.createdAt)), el('td', {}, c.name || c.id),
          el('td', {}, c.script), el('td', {}, statusBadge(c.status)),
          el('td', {}, progressBar(p.fraction, `${p.done}/${p.total}`)),
          el('td', { class: 'small' }, counts && typeof counts === 'object'
            ? Object.entries(counts).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k} ${v}`).join(' · ') : ''));
      })));
    if (list.some((c) => progressOf(c).fraction < 1 && !/done|finished|complete|cancel|fail/i.test(c.status || '')) && state.tab === 'campaigns') {
      pollTimer = setTimeout(loadCampaigns, 2000);
    }
  } catch (e) { showError(e, $('campaigns')); }
}

async function startCampaign() {
  const numbers = $('campaign-numbers').value.split(/[\s,;]+/).map((n) => n.trim()).filter(Boolean);
  try {
    await api('/v1/campaigns', { method: 'POST', body: {
      name: $('campaign-name').value.trim(), script: $('campaign-script').value, numbers,
      timeZone: $('campaign-tz').value.trim() || undefined,
    } });
    toast(t('campaign.started'));
    $('campaign-form').reset();
    loadCampaigns();
  } catch (e) { showError(e); }
}
