// VIN matching page: decode and match one VIN; match a pasted list with progress.
import {
  addMessages, api, el, fmtNumber, kv, mountShell, progressBar, showError, signedIn, t,
} from '/ui/common/suite.js';

addMessages({
  en: {
    'app.title': 'VIN matching', 'nav.match': 'Match', 'match.title': 'Decode and match one VIN', 'match.hint': 'Hint, e.g. 2019 camry se',
    'match.button': 'Match', 'batch.title': 'Batch matching', 'batch.placeholder': 'One VIN a line (optionally: VIN, hint)',
    'batch.start': 'Match all', 'batch.stop': 'Stop', 'batch.results': 'Batch results', decision: 'Decision', candidates: 'Candidates',
    catalogId: 'Catalog id', score: 'Score', confidence: 'Confidence', reasons: 'Reasons', vin: 'VIN', make: 'Make', model: 'Model',
    modelYear: 'Model year', checkDigit: 'Check digit', manufacturer: 'Manufacturer', bodyClass: 'Body', series: 'Series', trim: 'Trim',
    region: 'Region', valid: 'Valid', top: 'Top candidate', error: 'Error', 'batch.summary': '{done} of {total} · auto {auto} · review {review} · no match {none} · errors {errors}',
  },
  zh: {
    'app.title': '车架号匹配', 'nav.match': '匹配', 'match.title': '解码并匹配一个车架号', 'match.hint': '提示，例如 2019 凯美瑞',
    'match.button': '匹配', 'batch.title': '批量匹配', 'batch.placeholder': '每行一个车架号（可选：车架号, 提示）',
    'batch.start': '全部匹配', 'batch.stop': '停止', 'batch.results': '批量结果', decision: '决定', candidates: '候选',
    catalogId: '目录编号', score: '得分', confidence: '置信度', reasons: '依据', vin: '车架号', make: '品牌', model: '车型',
    modelYear: '年款', checkDigit: '校验位', manufacturer: '制造商', bodyClass: '车身', series: '系列', trim: '配置',
    region: '地区', valid: '有效', top: '首选候选', error: '错误', 'batch.summary': '{done}/{total} · 自动 {auto} · 复核 {review} · 无匹配 {none} · 错误 {errors}',
  },
});

const $ = (x) => document.getElementById(x);
const CONCURRENCY = 4;
let stopRequested = false;

mountShell({ titleKey: 'app.title', nav: [{ href: '/ui/', key: 'nav.match' }] });
$('match-form').addEventListener('submit', (e) => { e.preventDefault(); matchOne(); });
$('batch-form').addEventListener('submit', (e) => { e.preventDefault(); matchBatch(); });
$('batch-stop').addEventListener('click', () => { stopRequested = true; });
signedIn();

function decisionBadge(d) {
  return el('span', { class: `badge ${d === 'auto' ? 'ok' : d === 'review' ? 'warn' : 'bad'}` }, d || '');
}

function reasonText(r) { return typeof r === 'string' ? r : [r.attribute || r.field, r.outcome || r.result, r.detail].filter(Boolean).join(' '); }

async function matchOne() {
  const vin = $('vin-input').value.trim().toUpperCase();
  const hint = $('hint-input').value.trim();
  const box = $('match-result');
  try {
    const [decoded, match] = await Promise.all([
      api(`/v1/vins/${encodeURIComponent(vin)}`),
      api('/v1/vins/match', { method: 'POST', body: { vin, hint: hint || undefined } }),
    ]);
    box.replaceChildren(
      kv(decoded, ['vin', 'valid', 'checkDigit', 'manufacturer', 'make', 'model', 'modelYear', 'bodyClass', 'series', 'trim', 'region']),
      el('h3', {}, t('decision'), ' ', decisionBadge(match.decision)),
      el('table', { id: 'candidates' }, el('tr', {}, ['catalogId', 'score', 'confidence', 'reasons'].map((k) => el('th', {}, t(k)))),
        (match.candidates || []).map((c) => el('tr', {}, el('td', {}, c.catalogId), el('td', { class: 'num' }, fmtNumber(c.score, 3)),
          el('td', { class: 'num' }, fmtNumber(c.confidence, 2)), el('td', { class: 'small' }, (c.reasons || []).map(reasonText).join('; '))))));
  } catch (e) { showError(e, box); }
}

/** Matches every line, a few at a time, showing progress; a failed VIN is a row, not a stop. */
async function matchBatch() {
  const items = $('batch-vins').value.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [vin, ...hint] = l.split(/[,\t]/);
    return { vin: vin.trim().toUpperCase(), hint: hint.join(' ').trim() || undefined };
  });
  const results = new Array(items.length);
  const counts = { done: 0, total: items.length, auto: 0, review: 0, none: 0, errors: 0 };
  stopRequested = false;
  $('batch-start').disabled = true;
  $('batch-stop').disabled = false;
  const body = el('tbody');
  $('batch-results').replaceChildren(el('table', { id: 'batch-table' },
    el('thead', {}, el('tr', {}, ['vin', 'decision', 'top', 'score', 'reasons'].map((k) => el('th', {}, t(k))))), body));
  const progress = () => $('batch-progress').replaceChildren(progressBar(counts.done / Math.max(1, counts.total), t('batch.summary', counts)));
  progress();
  let next = 0;
  async function worker() {
    while (next < items.length && !stopRequested) {
      const i = next++;
      try {
        const m = await api('/v1/vins/match', { method: 'POST', body: items[i] });
        results[i] = m;
        counts[m.decision === 'auto' ? 'auto' : m.decision === 'review' ? 'review' : 'none'] += 1;
        const top = (m.candidates || [])[0] || {};
        body.append(el('tr', { dataset: { index: i } }, el('td', {}, items[i].vin), el('td', {}, decisionBadge(m.decision)),
          el('td', {}, top.catalogId || '', top.description ? el('div', { class: 'small muted' }, top.description) : null),
          el('td', { class: 'num' }, fmtNumber(top.score, 3)),
          el('td', { class: 'small' }, (top.reasons || []).slice(0, 4).map(reasonText).join('; '))));
      } catch (e) {
        counts.errors += 1;
        body.append(el('tr', { class: 'low-confidence' }, el('td', {}, items[i].vin), el('td', { colspan: 4 }, e.message)));
      }
      counts.done += 1;
      progress();
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  $('batch-start').disabled = false;
  $('batch-stop').disabled = true;
}
