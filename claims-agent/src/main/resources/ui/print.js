// A printable estimate: header, vehicle, lines and totals, nothing interactive.
import './messages.js';
import { el, fmtMoney, fmtNumber, fmtTime, kv, mountShell, onLangChange, showError, signedIn, t } from '/ui/common/suite.js';
import { claimsApi } from './claims-api.js';

const id = new URLSearchParams(location.search).get('id');
const $ = (x) => document.getElementById(x);
let data;
mountShell({ titleKey: 'app.title', nav: [{ href: '/ui/', key: 'nav.queue' }] });
$('back').href = `claim.html?id=${encodeURIComponent(id || '')}`;
onLangChange(() => render());
signedIn().then(async () => {
  try {
    const [claim, estimate] = await Promise.all([claimsApi.claim(id), claimsApi.estimate(id)]);
    data = { claim, estimate };
    render();
  } catch (e) { showError(e, $('sheet')); }
});

function render() {
  if (!data) return;
  const { claim, estimate } = data;
  const r = claim.report || claim;
  const v = claim.vehicle || {};
  const approved = estimate.approved === true || /approved/i.test(estimate.status || '');
  const cols = ['partCode', 'side', 'operation', 'laborHours', 'refinishHours', 'partPrice', 'amount'];
  const totals = estimate.totals || {};
  $('sheet').replaceChildren(
    el('h2', {}, `${t('print.title')} · ${id} · ${t('version')} ${estimate.version ?? ''}`),
    approved ? el('div', { class: 'badge ok' }, `${t('approved')} ${fmtTime(estimate.approvedAt)}`)
      : el('div', { class: 'notice error' }, t('print.notApproved')),
    kv({ member: r.memberId, vin: r.vin || v.vin, vehicle: [v.year || r.year, v.make || r.make, v.model || r.model].filter(Boolean).join(' '), lossDate: r.lossDate }),
    el('table', { id: 'print-lines' }, el('tr', {}, cols.map((c) => el('th', {}, t(c === 'partCode' ? 'part' : c)))),
      (estimate.lines || []).map((l) => el('tr', {}, cols.map((c) => el('td', { class: ['laborHours', 'refinishHours', 'partPrice', 'amount'].includes(c) ? 'num' : '' },
        c === 'partPrice' || c === 'amount' ? fmtMoney(l[c]) : (typeof l[c] === 'number' ? fmtNumber(l[c]) : l[c] ?? '')))))),
    el('dl', { class: 'totals' }, Object.entries(totals).filter(([, x]) => typeof x === 'number' || (typeof x === 'string' && x !== ''))
      .flatMap(([k, x]) => [el('dt', {}, t(k === 'total' ? 'grandTotal' : k)), el('dd', {}, fmtMoney(x))])));
}
