// Print view: the service's printable HTML of the approved estimate, shown in a frame and printed
// as is; before approval, a plain rendering of the current version marked "not approved".
import './messages.js';
import { el, fmtMoney, fmtNumber, kv, mountShell, onLangChange, showError, signedIn, t } from '/ui/common/suite.js';
import { claimsApi } from './claims-api.js';

const id = new URLSearchParams(location.search).get('id');
const $ = (x) => document.getElementById(x);
let data;
mountShell({ titleKey: 'app.title', nav: [{ href: '/ui/', key: 'nav.queue' }] });
$('back').href = `claim.html?id=${encodeURIComponent(id || '')}`;
onLangChange(() => render());
$('print').addEventListener('click', () => {
  const frame = $('sheet').querySelector('iframe');
  if (frame) frame.contentWindow.print(); else window.print();
});
signedIn().then(async () => {
  try {
    const [claim, estimate] = await Promise.all([claimsApi.claim(id), claimsApi.estimate(id)]);
    const html = /approved/i.test(estimate.status || '') ? await claimsApi.printable(id).catch(() => null) : null;
    data = { claim, estimate, html };
    render();
  } catch (e) { showError(e, $('sheet')); }
});

function render() {
  if (!data) return;
  const { claim, estimate, html } = data;
  if (typeof html === 'string' && html.length) {
    const frame = el('iframe', { id: 'printable', title: t('print.title'), style: 'width:100%;min-height:80vh;border:0' });
    frame.srcdoc = html;
    $('sheet').replaceChildren(frame);
    return;
  }
  const r = claim.report || {};
  const v = estimate.vehicle || r.vehicle || {};
  const cols = ['partCode', 'side', 'operation', 'laborHours', 'refinishHours', 'partPrice', 'amount'];
  const money = new Set(['partPrice', 'amount']);
  const totals = estimate.totals || {};
  $('sheet').replaceChildren(
    el('h2', {}, `${t('print.title')} · ${id} · ${t('version')} ${estimate.version ?? ''}`),
    el('div', { class: 'notice error' }, t('print.notApproved')),
    kv({ member: r.memberId, vin: r.vin || v.vin, vehicle: [v.year, v.make, v.model].filter(Boolean).join(' '), lossDate: r.lossDate }),
    el('table', { id: 'print-lines' }, el('tr', {}, cols.map((c) => el('th', {}, t(c)))),
      (estimate.lines || []).map((l) => el('tr', {}, cols.map((c) => el('td', { class: c.endsWith('Hours') || money.has(c) ? 'num' : '' },
        money.has(c) ? fmtMoney(l[c]) : (typeof l[c] === 'number' ? fmtNumber(l[c]) : l[c] ?? '')))))),
    el('dl', { class: 'totals' }, [['parts', 'partsTotal'], ['labor', 'laborTotal'], ['paint', 'paintMaterialsTotal'], ['tax', 'tax'],
      ['grandTotal', 'grossTotal'], ['deductible', 'deductible'], ['insurerPays', 'insurerPays']]
      .filter(([, k]) => totals[k] != null).flatMap(([label, k]) => [el('dt', {}, t(label)), el('dd', {}, fmtMoney(totals[k]))])));
}
