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

function isApproved(est) { return /approved/i.test(est?.status || ''); }

// Report and photos --------------------------------------------------------------------------------

function renderReport() {
  const c = state.claim || {};
  const r = c.report || {};
  const v = state.estimate?.vehicle || {};
  const rv = r.vehicle || {};
  $('report').replaceChildren(
    kv({ member: r.memberId, vin: r.vin || v.vin,
      vehicle: [v.year || rv.year, v.make || rv.make, v.model || rv.model].filter(Boolean).join(' '),
      plate: r.plate, lossDate: r.lossDate, lossTime: r.lossTime, place: r.lossLocation || r.lossPlace,
      reporterName: r.reporterName, injuries: r.injuries, policeReport: r.policeReport, otherPartyInvolved: r.otherPartyInvolved,
      vehicleDrivable: r.vehicleDrivable, source: r.source, callSid: r.callSid, status: c.status, created: fmtTime(c.createdAt) }),
    el('h3', {}, t('description')), el('p', { id: 'report-description' }, r.description || ''));
}

function photosOf() { return state.claim?.photos || []; }

/** Flags about one photo name it as their subject. */
function flagsOfPhoto(p) { return (state.claim?.flags || []).filter((f) => f.subject && f.subject === p.fileName); }

async function loadPhotos() {
  const photos = photosOf();
  if (!photos.length) { $('photos').replaceChildren(el('div', { class: 'empty' }, t('claim.noPhotos'))); return; }
  $('photos').replaceChildren(...photos.map((p, i) => el('button', {
    type: 'button', class: flagsOfPhoto(p).length ? 'flagged' : '', dataset: { photo: String(i) },
    title: [p.fileName, `${p.width}×${p.height}`, p.capturedAt ? fmtTime(p.capturedAt) : ''].filter(Boolean).join(' · '),
    onclick: () => openViewer(i),
  }, el('span', { class: 'small muted' }, p.fileName || `#${i + 1}`))));
  for (let i = 0; i < photos.length; i += 1) {
    try {
      const url = await claimsApi.thumbnailUrl(id, i);
      $('photos').querySelector(`[data-photo="${i}"]`)?.replaceChildren(el('img', { src: url, alt: photos[i].fileName || '' }));
    } catch (e) { console.warn(e); }
  }
}

/** The full photo is fetched only when the adjuster opens it, once per photo. */
async function openViewer(i) {
  let url = state.photoUrls.get(i);
  if (!url) {
    try { url = await claimsApi.photoUrl(id, i); } catch (e) { console.warn(e); return; }
    state.photoUrls.set(i, url);
  }
  const p = photosOf()[i];
  const viewer = el('div', { class: 'viewer', id: 'viewer', onclick: (e) => { if (e.target === viewer) viewer.remove(); } },
    el('img', { src: url, alt: p.fileName || '' }),
    el('button', { type: 'button', onclick: () => viewer.remove() }, t('close')));
  document.body.append(viewer);
}

function flagBadge(f) {
  return el('span', { class: `badge ${/high|fraud|alert/i.test(f.level || '') ? 'bad' : /info|unknown/i.test(f.level || '') ? '' : 'warn'}` }, flagCode(f));
}

function renderFlags() {
  const flags = state.claim?.flags || [];
  $('flags').replaceChildren(flags.length ? el('ul', { id: 'flag-list' }, flags.map((f) => el('li', {},
    flagBadge(f), ' ', f.subject ? el('strong', {}, `${f.subject}: `) : null, el('span', { class: 'muted small' }, f.category || ''),
    el('div', { class: 'small' }, `${t('evidence')}: ${f.evidence || ''}`))))
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
    flagBadge(f), ' ', f.subject ? el('strong', {}, `${f.subject}: `) : null, f.evidence || '')),
    ...(est.totalLoss && est.totalLoss.totalLoss ? [el('div', { class: 'notice error' }, `Total loss: ${JSON.stringify(est.totalLoss)}`)] : []));
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
    return el('td', { class: NUMERIC.has(c) ? 'num' : '', dataset: { field: c }, title: c === 'partCode' ? line.evidence || '' : null },
      c === 'source' ? el('span', { class: `badge ${v === 'adjuster' ? 'ok' : ''}` }, text) : text,
      c === 'partCode' && line.description ? el('div', { class: 'small muted' }, line.description) : null);
  });
  const actions = approved ? el('td', {}) : editing
    ? el('td', { class: 'no-print' }, el('button', { type: 'button', class: 'primary save-line', onclick: () => saveLine(line, i) }, t('save')),
      el('button', { type: 'button', onclick: () => { state.editing = null; renderEstimate(); } }, t('cancel')))
    : el('td', { class: 'no-print' }, el('button', { type: 'button', class: 'edit-line', onclick: () => { state.editing = lid; renderEstimate(); } }, t('edit')),
      el('button', { type: 'button', class: 'danger delete-line', onclick: () => deleteLine(line, i) }, t('delete')));
  return el('tr', { class: low ? 'low-confidence' : '', title: low ? t('low.confidence') : '', dataset: { line: lid } }, cells, actions);
}

const TOTAL_KEYS = [['parts', 'partsTotal'], ['labor', 'laborTotal'], ['paint', 'paintMaterialsTotal'], ['sublet', 'subletTotal'],
  ['subtotal', 'linesTotal'], ['tax', 'tax'], ['grandTotal', 'grossTotal'], ['deductible', 'deductible'],
  ['customerPays', 'customerPays'], ['insurerPays', 'insurerPays']];

function renderTotals(totals) {
  const out = [];
  for (const [label, k] of TOTAL_KEYS) {
    if (totals[k] === undefined || totals[k] === null) continue;
    const grand = label === 'grandTotal';
    out.push(el('dt', { class: grand ? 'grand' : '' }, t(label)),
      el('dd', { class: grand ? 'grand' : '', id: `total-${k}`, dataset: { raw: String(totals[k]) } }, fmtMoney(totals[k])));
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

// History ----------------------------------------------------------------------------------------

async function loadHistory() {
  try {
    const versions = await claimsApi.versions(id);
    const items = versions.map((v, i) => el('li', { dataset: { version: v.version } },
      el('strong', {}, `${t('version')} ${v.version}`), ' ', el('span', { class: 'badge' }, v.changeKind || ''), ' ',
      el('span', { class: 'muted small' }, [fmtTime(v.createdAt), v.author].filter(Boolean).join(' · ')),
      v.changeNote ? el('div', { class: 'small' }, v.changeNote) : null,
      el('ul', { class: 'small' }, whatChanged(versions[i - 1], v).map((c) => el('li', {}, c))),
      el('div', { class: 'small muted' }, `${t('grandTotal')}: ${fmtMoney(v.totals?.grossTotal)}`)));
    $('history').replaceChildren(...items.reverse());
  } catch (e) {
    $('history').replaceChildren(el('li', { class: 'muted' }, e.message));
  }
}

const DIFF_FIELDS = ['partCode', 'side', 'operation', 'damageType', 'severity', 'laborType', 'laborHours', 'refinishHours', 'partType',
  'partPrice', 'amount'];

/** Lines added, removed and changed (field: old → new) from one version to the next. */
function whatChanged(before, after) {
  if (!before) return [];
  const label = (l) => [l.partCode, l.side, l.operation].filter(Boolean).join(' ');
  const old = new Map((before.lines || []).map((l) => [l.lineId, l]));
  const out = [];
  for (const l of after.lines || []) {
    const o = old.get(l.lineId);
    if (!o) { out.push(`+ ${label(l)}`); continue; }
    old.delete(l.lineId);
    const changed = DIFF_FIELDS.filter((f) => String(o[f] ?? '') !== String(l[f] ?? '') && !(NUMERIC.has(f) && Number(o[f]) === Number(l[f])));
    if (changed.length) out.push(`${label(l)}: ${changed.map((f) => `${t(f)} ${o[f] ?? '—'} → ${l[f] ?? '—'}`).join(', ')}`);
  }
  for (const o of old.values()) out.push(`− ${label(o)}`);
  if (before.status !== after.status) out.push(`${t('status')}: ${before.status} → ${after.status}`);
  return out;
}
