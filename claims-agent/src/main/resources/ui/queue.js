// The review queue: claims waiting for an adjuster, sortable, filtered by photo-check flag.
import './messages.js';
import {
  compareBy, el, fmtMoney, fmtTime, mountShell, onLangChange, showError, signedIn, sortableHeader, t,
} from '/ui/common/suite.js';
import { claimsApi, flagCodes } from './claims-api.js';

const state = { claims: [], sort: { key: 'createdAt', asc: false } };
const $ = (id) => document.getElementById(id);

mountShell({ titleKey: 'app.title', nav: [{ href: '/ui/', key: 'nav.queue' }] });
onLangChange(() => render());
$('refresh').addEventListener('click', () => load());
$('flag-filter').addEventListener('change', () => render());
$('status-filter').addEventListener('change', () => render());
signedIn().then(() => load());

function totalOf(c) { return c.estimateTotal; }

async function load() {
  try {
    state.claims = (await claimsApi.queue({ limit: 500 })).map((c) => ({
      ...c, id: c.id || c.claimId, flagCodes: flagCodes(c), total: totalOf(c), vehicleText: vehicleText(c),
      flagCount: flagCodes(c).length,
    }));
    fillFilter($('flag-filter'), state.claims.flatMap((c) => c.flagCodes));
    fillFilter($('status-filter'), state.claims.map((c) => c.status).filter(Boolean));
    render();
  } catch (e) { showError(e, $('queue')); }
}

function fillFilter(select, values) {
  const current = select.value;
  const options = [...new Set(values)].sort();
  select.replaceChildren(select.options[0], ...options.map((v) => el('option', { value: v }, v)));
  select.value = options.includes(current) ? current : '';
}

function vehicleText(c) {
  const v = c.vehicle || {};
  return [v.year, v.make, v.model].filter(Boolean).join(' ') || c.vin || (c.plate ? `${t('plate')} ${c.plate}` : '');
}

function render() {
  const flag = $('flag-filter').value;
  const status = $('status-filter').value;
  const rows = state.claims.filter((c) => (!flag || c.flagCodes.includes(flag)) && (!status || c.status === status))
    .sort(compareBy(state.sort.key, state.sort.asc));
  if (!rows.length) { $('queue').replaceChildren(el('div', { class: 'empty' }, t('empty'))); return; }
  $('queue').replaceChildren(el('table', { id: 'queue-table' },
    el('thead', {}, sortableHeader([['id', 'claim'], ['memberId', 'member'], ['vehicleText', 'vehicle'],
      ['lossDate', 'lossDate'], ['flagCount', 'flags'], ['status', 'status'], ['total', 'total', 'num'],
      ['createdAt', 'created']], state.sort, render)),
    el('tbody', {}, rows.map((c) => el('tr', { class: 'clickable', dataset: { claimId: c.id },
      onclick: () => { location.href = `claim.html?id=${encodeURIComponent(c.id)}`; } },
    el('td', {}, el('a', { href: `claim.html?id=${encodeURIComponent(c.id)}` }, c.id)),
    el('td', {}, c.memberId || ''), el('td', {}, c.vehicleText), el('td', {}, c.lossDate || ''),
    el('td', {}, c.flagCodes.map((f) => el('span', { class: 'badge warn' }, f))),
    el('td', {}, el('span', { class: 'badge' }, c.status || '')),
    el('td', { class: 'num' }, fmtMoney(c.total)), el('td', {}, fmtTime(c.createdAt)))))));
}
