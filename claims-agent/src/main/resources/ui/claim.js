// One claim for the adjuster: report, photos and their checks, the estimate with inline editing,
// add/delete line, approve, and the version history.
import './messages.js';
import {
  el, fmtMoney, fmtNumber, fmtTime, kv, mountShell, onLangChange, showError, signedIn, t, toast,
} from '/ui/common/suite.js';
import { claimsApi, flagCode, lineId } from './claims-api.js';

const LOW_CONFIDENCE = 0.6;
const COLUMNS = ['partCode', 'side', 'operation', 'damageType', 'severity', 'laborType', 'laborHours',
  'refinishHours', 'partType', 'partPrice', 'amount', 'source', 'confidence'];
const EDITABLE = { operation: 'text', laborType: 'text', laborHours: 'number', refinishHours: 'number', partType: 'text',
  partPrice: 'number', severity: 'text' };
const NUMERIC = new Set(['laborHours', 'refinishHours', 'partPrice', 'amount', 'confidence']);

const id = new URLSearchParams(location.search).get('id');
const state = { claim: null, estimate: null, editing: null, photoUrls: new Map() };
const $ = (x) => document.getElementById(x);

mountShell({ titleKey: 'app.title', nav: [{ href: '/ui/', key: 'nav.queue' }] });
onLangChange(() => renderAll());
$('claim-id').textContent = id || '';
$('print-link').href = `print.html?id=${encodeURIComponent(id || '')}`;
$('approve').addEventListener('click', () => approve());
$('add-line').addEventListener('submit', (e) => { e.preventDefault(); addLine(); });
signedIn().then(() => load());

async function load() {
  try {
    const [claim, estimate] = await Promise.all([claimsApi.claim(id), claimsApi.estimate(id)]);
    state.claim = claim;
    state.estimate = estimate;
    renderAll();
    loadPhotos();
    loadHistory();
  } catch (e) { showError(e, $('lines')); }
}

function renderAll() { renderReport(); renderEstimate(); renderFlags(); }

function isApproved(est) { return est?.approved === true || /approved/i.test(est?.status || ''); }

// Report and photos --------------------------------------------------------------------------------

function renderReport() {
  const r = state.claim?.report || state.claim || {};
  const v = state.claim?.vehicle || {};
  $('report').replaceChildren(
    kv({ member: r.memberId, vin: r.vin || v.vin, vehicle: [v.year || r.year, v.make || r.make, v.model || r.model].filter(Boolean).join(' '),
      lossDate: r.lossDate, place: r.lossPlace?.name || r.lossPlace?.address || (typeof r.lossPlace === 'string' ? r.lossPlace : ''),
      status: state.claim?.status }),
    el('h3', {}, t('description')), el('p', { id: 'report-description' }, r.description || ''));
}

function photosOf() { return state.claim?.photos || []; }

async function loadPhotos() {
  const photos = photosOf();
  if (!photos.length) { $('photos').replaceChildren(el('div', { class: 'empty' }, t('claim.noPhotos'))); return; }
  $('photos').replaceChildren(...photos.map((p, i) => el('button', {
    type: 'button', class: (p.flags || []).length ? 'flagged' : '', title: p.filename || p.name || '',
    dataset: { photo: p.id || p.photoId || String(i) }, onclick: () => openViewer(p),
  }, el('span', { class: 'small muted' }, p.filename || `#${i + 1}`))));
  for (const p of photos) {
    try {
      const url = await claimsApi.photoUrl(id, p);
      state.photoUrls.set(p, url);
      const button = $('photos').querySelector(`[data-photo="${CSS.escape(p.id || p.photoId || '')}"]`);
      if (button) button.replaceChildren(el('img', { src: url, alt: p.filename || '' }));
    } catch (e) { console.warn(e); }
  }
}

function openViewer(p) {
  const url = state.photoUrls.get(p);
  if (!url) return;
  const viewer = el('div', { class: 'viewer', id: 'viewer', onclick: (e) => { if (e.target === viewer) viewer.remove(); } },
    el('img', { src: url, alt: p.filename || '' }),
    el('button', { type: 'button', onclick: () => viewer.remove() }, t('close')));
  document.body.append(viewer);
}

function allFlags() {
  const flags = [...(state.claim?.flags || [])];
  photosOf().forEach((p) => (p.flags || []).forEach((f) => flags.push({ ...(typeof f === 'string' ? { code: f } : f), photo: p.filename || p.id })));
  return flags;
}

function renderFlags() {
  const flags = allFlags();
  $('flags').replaceChildren(flags.length ? el('ul', { id: 'flag-list' }, flags.map((f) => el('li', {},
    el('span', { class: `badge ${f.severity === 'high' ? 'bad' : 'warn'}` }, flagCode(f)), ' ',
    f.photo ? el('span', { class: 'muted' }, `${f.photo}: `) : null,
    f.message || f.detail || '', f.evidence ? el('div', { class: 'small muted' }, `${t('evidence')}: `,
      typeof f.evidence === 'object' ? JSON.stringify(f.evidence) : String(f.evidence)) : null)))
    : el('div', { class: 'empty' }, t('claim.noFlags')));
}

// Estimate -----------------------------------------------------------------------------------------

function renderEstimate() {
  const est = state.estimate;
  if (!est) return;
  const approved = isApproved(est);
  $('estimate-version').textContent = `${t('version')} ${est.version ?? ''}`;
  $('estimate-status').textContent = approved ? t('approved') : (est.status || '');
  $('estimate-status').className = `badge ${approved ? 'ok' : ''}`;
  $('approve').disabled = approved;
  $('add-line').hidden = approved;
  const flags = est.flags || [];
  $('estimate-flags').replaceChildren(...flags.map((f) => el('div', { class: 'notice' },
    el('span', { class: 'badge warn' }, flagCode(f) || ''), ' ', f.message || f.detail || (typeof f === 'string' ? '' : JSON.stringify(f)))));
  const lines = est.lines || [];
  $('lines').replaceChildren(
    el('thead', {}, el('tr', {}, COLUMNS.map((c) => el('th', { class: NUMERIC.has(c) ? 'num' : '' }, t(c === 'partCode' ? 'part' : c))), el('th', {}))),
    el('tbody', {}, lines.map((line, i) => lineRow(line, i, approved))));
  renderTotals(est.totals || {});
}

function lineRow(line, i, approved) {
  const lid = lineId(line, i);
  const editing = state.editing === lid;
  const low = typeof line.confidence === 'number' && line.confidence < LOW_CONFIDENCE;
  const cells = COLUMNS.map((c) => {
    const v = line[c];
    if (editing && EDITABLE[c]) {
      return el('td', { class: NUMERIC.has(c) ? 'num' : '' }, el('input', {
        name: c, type: EDITABLE[c], step: EDITABLE[c] === 'number' ? '0.01' : null, value: v ?? '', dataset: { field: c },
      }));
    }
    let text = v ?? '';
    if (c === 'confidence' && typeof v === 'number') text = fmtNumber(v, 2);
    else if (c === 'partPrice' || c === 'amount') text = fmtMoney(v);
    else if (NUMERIC.has(c)) text = fmtNumber(v);
    return el('td', { class: NUMERIC.has(c) ? 'num' : '', dataset: { field: c } },
      c === 'source' ? el('span', { class: `badge ${v === 'adjuster' ? 'ok' : ''}` }, text) : text);
  });
  const actions = approved ? el('td', {}) : editing
    ? el('td', { class: 'no-print' }, el('button', { type: 'button', class: 'primary save-line', onclick: () => saveLine(line, i) }, t('save')),
      el('button', { type: 'button', onclick: () => { state.editing = null; renderEstimate(); } }, t('cancel')))
    : el('td', { class: 'no-print' }, el('button', { type: 'button', class: 'edit-line', onclick: () => { state.editing = lid; renderEstimate(); } }, t('edit')),
      el('button', { type: 'button', class: 'danger delete-line', onclick: () => deleteLine(line, i) }, t('delete')));
  return el('tr', { class: low ? 'low-confidence' : '', title: low ? t('low.confidence') : '', dataset: { line: lid } }, cells, actions);
}

const TOTAL_KEYS = [['parts', ['parts', 'partsTotal']], ['labor', ['labor', 'laborTotal', 'labour']], ['paint', ['paintMaterials', 'paint', 'materials']],
  ['subtotal', ['subtotal']], ['tax', ['tax']], ['deductible', ['deductible']], ['grandTotal', ['total', 'grandTotal', 'net']]];

function renderTotals(totals) {
  const out = [];
  for (const [label, keys] of TOTAL_KEYS) {
    const k = keys.find((x) => totals[x] !== undefined && totals[x] !== null);
    if (!k) continue;
    const grand = label === 'grandTotal';
    out.push(el('dt', { class: grand ? 'grand' : '' }, t(label)), el('dd', { class: grand ? 'grand' : '', id: grand ? 'grand-total' : null }, fmtMoney(totals[k])));
  }
  $('totals').replaceChildren(...out);
}

async function afterChange(promise, message) {
  try {
    const result = await promise;
    state.editing = null;
    state.estimate = result && Array.isArray(result.lines) ? result : await claimsApi.estimate(id);
    renderEstimate();
    loadHistory();
    toast(t(message, { v: state.estimate.version }));
  } catch (e) { showError(e); }
}

function saveLine(line, i) {
  const change = {};
  document.querySelectorAll(`#lines tr[data-line="${CSS.escape(lineId(line, i))}"] input[data-field]`).forEach((input) => {
    const f = input.dataset.field;
    const v = EDITABLE[f] === 'number' ? (input.value === '' ? null : Number(input.value)) : input.value;
    if (v !== (line[f] ?? (EDITABLE[f] === 'number' ? null : ''))) change[f] = v;
  });
  afterChange(claimsApi.patchLine(id, lineId(line, i), change, state.estimate.version), 'saved');
}

function deleteLine(line, i) {
  if (!window.confirm(t('confirm.delete'))) return;
  afterChange(claimsApi.deleteLine(id, lineId(line, i), state.estimate.version), 'saved');
}

function addLine() {
  const line = {
    partCode: $('new-part').value.trim(), side: $('new-side').value || null, operation: $('new-operation').value,
    laborHours: $('new-labor').value === '' ? null : Number($('new-labor').value),
    partPrice: $('new-price').value === '' ? null : Number($('new-price').value),
  };
  afterChange(claimsApi.addLine(id, line, state.estimate.version), 'saved').then(() => $('add-line').reset());
}

function approve() {
  afterChange(claimsApi.approve(id, state.estimate.version), 'approve.done');
}

// History ------------------------------------------------------------------------------------------

async function loadHistory() {
  try {
    const versions = await claimsApi.versions(id);
    $('history').replaceChildren(...versions.map((v) => el('li', { dataset: { version: v.version } },
      el('strong', {}, `${t('version')} ${v.version}`), ' ',
      el('span', { class: 'muted small' }, [fmtTime(v.createdAt || v.at), v.author || v.by || v.createdBy].filter(Boolean).join(' · ')),
      el('div', { class: 'small' }, describeChange(v)))));
  } catch (e) {
    $('history').replaceChildren(el('li', { class: 'muted' }, e.status === 404 ? t('empty') : e.message));
  }
}

function describeChange(v) {
  const c = v.change || v.changes || v.summary || v.reason || v.action;
  if (!c) return '';
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ');
  return JSON.stringify(c);
}
